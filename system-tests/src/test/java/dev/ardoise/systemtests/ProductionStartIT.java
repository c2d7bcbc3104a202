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
 * The built jars run in the production profile, where no secret has a usable default: started with everything
 * the local stack gives it but one secret, a service stops at once and names what is missing.
 */
@ExtendWith(Ardoise.class)
class ProductionStartIT {

    @Test
    void notification_service_without_the_payment_link_secret_stops_at_once_naming_it() throws Exception {
        assertStopsNaming("notification-service", "PAYMENTS_LINK_SECRET");
    }

    @Test
    void account_service_without_the_database_password_stops_at_once_naming_it() throws Exception {
        assertStopsNaming("account-service", "DB_PASSWORD");
    }

    private static void assertStopsNaming(String service, String missing) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(Ardoise.environmentOf(service));
        environment.remove(missing);
        // ports of its own, and nothing to join: the stack's instance of the service is running and must not
        // share its consumer group or its database with a start that should never get that far
        environment.put("HTTP_PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        environment.put("DB_PORT", "1");
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
            assertTrue(Files.readString(output).contains(missing), Files.readString(output));
        } finally {
            process.destroyForcibly();
        }
    }
}
