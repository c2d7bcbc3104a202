package dev.ardoise.notification.production;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar, started as production starts it (the prod profile), with every secret given but one: it must stop
 * at once, before it connects to anything, and say which. Runs after {@code package} (failsafe), since it needs
 * target/quarkus-app. The starts are separate processes that share nothing: all of them are launched together
 * before the first test, and each test reads the outcome of its own.
 */
class ProductionStartIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final long PATIENCE_SECONDS = 90;
    /** Every start of this class: one without each of these, and one with all of them. */
    private static final List<String> SECRETS = List.of("PAYMENTS_LINK_SECRET", "TOKEN_ISSUER",
            "TOKEN_PUBLIC_KEY_LOCATION", "SERVICE_TOKEN_SIGNING_KEY_LOCATION", "DB_PASSWORD", "KAFKA_PASSWORD",
            "SMTP_PASSWORD");
    private static final String NONE_MISSING = "";
    private static Map<String, String> everySetting;
    private static final Map<String, CompletableFuture<Started>> STARTS = new HashMap<>();
    private static final List<Process> PROCESSES = new ArrayList<>();

    @BeforeAll
    static void startEveryOneAtOnce() throws Exception {
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

        STARTS.put(NONE_MISSING, start(everySetting));
        for (String secret : SECRETS) {
            Map<String, String> settings = new HashMap<>(everySetting);
            settings.remove(secret);
            STARTS.put(secret, start(settings));
        }
    }

    @AfterAll
    static void stopWhatStillRuns() {
        PROCESSES.forEach(Process::destroyForcibly);
    }

    @Test
    void a_start_without_the_payment_link_secret_stops_at_once_naming_it() {
        assertStopsNaming("PAYMENTS_LINK_SECRET", "PAYMENTS_LINK_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOKEN_ISSUER", "TOKEN_PUBLIC_KEY_LOCATION", "SERVICE_TOKEN_SIGNING_KEY_LOCATION",
            "DB_PASSWORD", "KAFKA_PASSWORD", "SMTP_PASSWORD"})
    void a_start_without_any_other_secret_stops_at_once_naming_it(String variable) {
        assertStopsNaming(variable, variable);
    }

    private static void assertStopsNaming(String variable, String named) {
        assertNotNull(STARTS.get(variable), "no start without " + variable + ": add it to SECRETS");
        Started start = STARTS.get(variable).join();

        assertNotEquals(0, start.exitCode(), start.output());
        assertTrue(start.output().contains(named), start.output());
        assertFalse(start.output().contains("Connection refused"), "it went on to connect:\n" + start.output());
    }

    @Test
    void with_every_secret_given_the_start_gets_past_the_configuration_to_the_database() {
        Started start = STARTS.get(NONE_MISSING).join();

        assertTrue(start.output().contains("Connection to 127.0.0.1:1 refused"), start.output());
        assertFalse(start.output().contains("SRCFG"), start.output());
    }

    private record Started(int exitCode, String output) {
    }

    /**
     * Launches the jar and answers its outcome once it has stopped. A start that must fail at its configuration
     * needs no optimising compiler nor a big heap: C1 only and 128 MB, so that eight of them at once stay light.
     */
    private static CompletableFuture<Started> start(Map<String, String> settings) throws IOException {
        Path output = Files.createTempFile(Path.of("target", "production-start"), "start-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx128m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> everySetting.containsKey(name) || name.startsWith("QUARKUS_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        PROCESSES.add(process);
        return process.onExit().completeOnTimeout(null, PATIENCE_SECONDS, TimeUnit.SECONDS)
                .thenApply(exited -> exited == null
                        ? new Started(0, "still running after " + PATIENCE_SECONDS + " s:\n" + read(output))
                        : new Started(exited.exitValue(), read(output)))
                .whenComplete((started, failure) -> process.destroyForcibly());
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
