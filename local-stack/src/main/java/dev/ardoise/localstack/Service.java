package dev.ardoise.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the three Ardoise services, run from its built jar and configured only by environment variables. */
final class Service implements AutoCloseable {
    private final String name;
    private final int port;
    private final ChildProcess process;

    private Service(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static Service start(StackSettings settings, String name, int port, String database) {
        Path jar = settings.home().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the project first: " + jar + " is missing");
        }
        Map<String, String> environment = Map.ofEntries(
                Map.entry("HTTP_PORT", String.valueOf(port)),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap()),
                Map.entry("DB_HOST", "localhost"),
                Map.entry("DB_PORT", String.valueOf(settings.postgresPort())),
                Map.entry("DB_NAME", database),
                Map.entry("DB_USER", "postgres"),
                Map.entry("DB_PASSWORD", "postgres"),
                Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", String.valueOf(settings.smtpPort())),
                Map.entry("INVOICE_SERVICE_URL", settings.serviceUrl(settings.invoicePort())));
        ChildProcess process = ChildProcess.start(name, List.of(Java.executable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar.toString()), environment, settings.logs().resolve(name + ".log"));
        return new Service(name, port, process);
    }

    void awaitHealthy(StackSettings settings) {
        process.awaitHealthy(settings.serviceUrl(port) + "/q/health/ready", Duration.ofSeconds(120));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }
}
