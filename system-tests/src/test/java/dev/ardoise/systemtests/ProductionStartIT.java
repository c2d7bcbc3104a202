package dev.ardoise.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jars run in the production profile, where no secret has a usable default (docs/security.md): started
 * with everything the local stack gives it but one, a service stops at once and names what is missing (the
 * variable, or the property it sets).
 */
@ExtendWith(Ardoise.class)
class ProductionStartIT {

    @Test
    void notification_service_without_the_payment_link_secret_stops_at_once_naming_it() throws Exception {
        assertStopsNaming("notification-service", "PAYMENTS_LINK_SECRET", "ardoise.payments.link-secret");
    }

    @Test
    void account_service_without_the_token_issuer_stops_at_once_naming_it() throws Exception {
        assertStopsNaming("account-service", "TOKEN_ISSUER", "mp.jwt.verify.issuer");
    }

    @Test
    void invoice_service_without_the_database_password_stops_at_once_naming_it() throws Exception {
        assertStopsNaming("invoice-service", "DB_PASSWORD", "quarkus.datasource.password");
    }

    private static void assertStopsNaming(String service, String missing, String property)
            throws IOException, InterruptedException {
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
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), service + " did not stop without " + missing
                    + "; see " + output);
            assertNotEquals(0, process.exitValue(), Files.readString(output));
            String said = Files.readString(output);
            assertTrue(said.contains(missing) || said.contains(property), said);
        } finally {
            process.destroyForcibly();
        }
    }
}
