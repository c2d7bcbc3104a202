package dev.ardoise.systemtests;

import dev.ardoise.localstack.DevTokens;
import dev.ardoise.localstack.LocalStack;
import dev.ardoise.localstack.StackSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one Ardoise that every system test class shares ({@code @ExtendWith(Ardoise.class)}): started once from the
 * built jars by the local stack, on free ports, with its own secrets and every JVM of it on the C1 compiler only,
 * and stopped when the test run ends.
 */
final class Ardoise implements BeforeAllCallback {
    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LocalStack.class, key -> start(), LocalStack.class);
    }

    private static LocalStack start() {
        Path home = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
        // C1 only: they live a minute or two, too short for C2's compilations to pay back their CPU
        return LocalStack.start(StackSettings.onFreePorts(home, home.resolve("system-tests/target/stack"))
                .withJvmOptions("-XX:TieredStopAtLevel=1"));
    }

    static StackSettings settings() {
        return stack.settings();
    }

    static String accounts() {
        return settings().serviceUrl(settings().accountPort());
    }

    static String invoices() {
        return settings().serviceUrl(settings().invoicePort());
    }

    static String notifications() {
        return settings().serviceUrl(settings().notificationPort());
    }

    static DevTokens tokens() {
        return stack.tokens();
    }

    /** A Kafka client's settings for a principal of docs/security.md (register, admin...). */
    static Map<String, Object> kafka(String principal) {
        return stack.kafkaClient(principal);
    }

    /** What the stack started a service with: every variable its production profile requires. */
    static Map<String, String> environmentOf(String service) {
        return stack.environmentOf(service);
    }

    static MailInbox inbox() {
        return new MailInbox(settings().mailApiUrl());
    }
}
