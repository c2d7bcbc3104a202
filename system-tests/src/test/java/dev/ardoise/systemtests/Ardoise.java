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
 * built jars by the local stack (the three services and the console), on free ports, with its own secrets and every
 * JVM of it on the C1 compiler only, and stopped when the test run ends. notification-service gives an email up
 * after three attempts within about a second, so that a test can see one fail while the mail server is stopped.
 */
public final class Ardoise implements BeforeAllCallback {
    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LocalStack.class, key -> start(), LocalStack.class);
    }

    private static LocalStack start() {
        return LocalStack.start(settingsIn(home().resolve("system-tests/target/stack")));
    }

    /**
     * The system tests' stack settings, in {@code workDir} on free ports: the fault suite ({@code faults}) starts a
     * stack of its own with them, as it kills what it runs.
     */
    public static StackSettings settingsIn(Path workDir) {
        // C1 only: they live a minute or two, too short for C2's compilations to pay back their CPU
        return StackSettings.onFreePorts(home(), workDir)
                .withJvmOptions("-XX:TieredStopAtLevel=1")
                .withEnvironment("notification-service", Map.of("SENDER_MAX_ATTEMPTS", "3",
                        "SENDER_BACKOFF_BASE", "200ms", "SENDER_BACKOFF_MAX", "400ms",
                        // the invoice and reminder emails with their "Pay now" button (EmailScreenshotsIT)
                        "PAYMENTS_ONLINE_ENABLED", "true"));
    }

    /** The project's folder. */
    public static Path home() {
        return Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
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

    /** The console's address, where a browser opens it. */
    static String console() {
        return settings().consoleUrl();
    }

    /** The password of the console's users (ConsoleUsers.USERS: anne, bob, ops, claire). */
    static String consolePassword() {
        return stack.consolePassword();
    }

    /** Stops the SMTP server: every email fails until {@link #startMailServer()}. */
    static void stopMailServer() {
        stack.stopMailServer();
    }

    static void startMailServer() {
        stack.startMailServer();
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
