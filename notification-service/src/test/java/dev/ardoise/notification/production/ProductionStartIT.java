package dev.ardoise.notification.production;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar, started as production starts it (the prod profile), with every secret given but one: it must stop
 * at once, before it connects to anything, and say which. Runs after {@code package} (failsafe), since it needs target/quarkus-app.
 */
class ProductionStartIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final long PATIENCE_SECONDS = 90;
    private static Map<String, String> everySetting;

    @BeforeAll
    static void settings() throws Exception {
        assertTrue(Files.exists(JAR), "package the service first: no " + JAR.toAbsolutePath());
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path dir = Files.createDirectories(Path.of("target", "production-start"));
        Path publicKey = pem(dir.resolve("issuer-public.pem"), "PUBLIC KEY", keys.getPublic().getEncoded());
        Path privateKey = pem(dir.resolve("service-private.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
        everySetting = new HashMap<>(Map.of(
                "TOKEN_ISSUER", "https://issuer.example.test",
                "TOKEN_PUBLIC_KEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "SERVICE_TOKEN_SIGNING_KEY_LOCATION", privateKey.toAbsolutePath().toString(),
                "DB_PASSWORD", "not-used",
                "KAFKA_PASSWORD", "not-used",
                "SMTP_PASSWORD", "not-used",
                "PAYMENTS_LINK_SECRET", "a-production-secret-of-some-length"));
        // Nothing listens there: a start that gets past its configuration fails on the database instead.
        everySetting.putAll(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "1", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                "HTTP_PORT", "0", "MANAGEMENT_PORT", "0"));
    }

    @Test
    void a_start_without_the_payment_link_secret_stops_at_once_naming_it() throws Exception {
        assertStopsNaming("PAYMENTS_LINK_SECRET", "PAYMENTS_LINK_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOKEN_ISSUER", "TOKEN_PUBLIC_KEY_LOCATION", "SERVICE_TOKEN_SIGNING_KEY_LOCATION",
            "DB_PASSWORD", "KAFKA_PASSWORD", "SMTP_PASSWORD"})
    void a_start_without_any_other_secret_stops_at_once_naming_it(String variable) throws Exception {
        assertStopsNaming(variable, variable);
    }

    private static void assertStopsNaming(String variable, String named) throws Exception {
        Map<String, String> settings = new HashMap<>(everySetting);
        settings.remove(variable);

        Started start = start(settings);

        assertNotEquals(0, start.exitCode(), start.output());
        assertTrue(start.output().contains(named), start.output());
        assertFalse(start.output().contains("Connection refused"), "it went on to connect:\n" + start.output());
    }

    @Test
    void with_every_secret_given_the_start_gets_past_the_configuration_to_the_database() throws Exception {
        Started start = start(everySetting);

        assertTrue(start.output().contains("Connection to 127.0.0.1:1 refused"), start.output());
        assertFalse(start.output().contains("SRCFG"), start.output());
    }

    private record Started(int exitCode, String output) {
    }

    private static Started start(Map<String, String> settings) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Path.of("target", "production-start"), "start-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> everySetting.containsKey(name) || name.startsWith("QUARKUS_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        try {
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                return new Started(0, "still running after " + PATIENCE_SECONDS + " s:\n" + Files.readString(output));
            }
            return new Started(process.exitValue(), Files.readString(output));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
