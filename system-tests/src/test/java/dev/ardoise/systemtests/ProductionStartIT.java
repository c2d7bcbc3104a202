package dev.ardoise.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jars run in the production profile, where no secret has a usable default (docs/security.md): started
 * with everything the local stack gives it but one, a service stops at once and names what is missing (the
 * variable, or the property it sets). The three starts run at once, each test looks at its own.
 */
@ExtendWith(Ardoise.class)
class ProductionStartIT {
    /** By the variable left out. */
    private static final Map<String, Start> STARTS = new HashMap<>();

    /** A service's jar started without one variable; what it says goes to {@code output}. */
    private record Start(String service, Process process, Path output) {
    }

    @BeforeAll
    static void startEachServiceWithoutOneVariable() throws IOException {
        start("notification-service", "PAYMENTS_LINK_SECRET");
        start("account-service", "TOKEN_ISSUER");
        start("invoice-service", "DB_PASSWORD");
    }

    @AfterAll
    static void stopAnyStillRunning() {
        STARTS.values().forEach(start -> start.process().destroyForcibly());
    }

    @Test
    void notification_service_without_the_payment_link_secret_stops_at_once_naming_it() throws Exception {
        assertStoppedNaming("PAYMENTS_LINK_SECRET", "ardoise.payments.link-secret");
    }

    @Test
    void account_service_without_the_token_issuer_stops_at_once_naming_it() throws Exception {
        assertStoppedNaming("TOKEN_ISSUER", "mp.jwt.verify.issuer");
    }

    @Test
    void invoice_service_without_the_database_password_stops_at_once_naming_it() throws Exception {
        assertStoppedNaming("DB_PASSWORD", "quarkus.datasource.password");
    }

    private static void start(String service, String missing) throws IOException {
        Map<String, String> environment = new HashMap<>(Ardoise.environmentOf(service));
        environment.remove(missing);
        // ports of its own, no broker and no database of the stack's: its instance of the service is running, and
        // a start that should never get that far must not join its consumer group or claim its emails
        environment.put("HTTP_PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        environment.put("DB_NAME", "not_a_database_of_the_stack");
        Path output = Files.createTempFile(Path.of("target"), service + "-without-" + missing, ".log");
        Path jar = Ardoise.settings().home().resolve(service + "/target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m"));
        command.addAll(Ardoise.settings().jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        STARTS.put(missing, new Start(service, builder.start(), output));
    }

    private static void assertStoppedNaming(String missing, String property) throws IOException, InterruptedException {
        Start start = STARTS.get(missing);
        assertTrue(start.process().waitFor(60, TimeUnit.SECONDS), start.service() + " did not stop without "
                + missing + "; see " + start.output());
        assertNotEquals(0, start.process().exitValue(), Files.readString(start.output()));
        String said = Files.readString(start.output());
        assertTrue(said.contains(missing) || said.contains(property), said);
    }
}
