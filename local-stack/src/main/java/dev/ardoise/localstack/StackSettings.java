package dev.ardoise.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where everything listens and where it keeps its files. Each value can be overridden by an environment
 * variable of the same name as the services use (KAFKA_PORT, DB_PORT, SMTP_PORT...).
 */
public record StackSettings(Path home, Path workDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
                            int smtpPort, int mailApiPort, int accountPort, int invoicePort, int notificationPort,
                            boolean keepData) {

    /** The defaults of a developer's machine, overridable by the environment. */
    public static StackSettings fromEnvironment(Path home) {
        Map<String, String> env = System.getenv();
        return new StackSettings(home, Path.of(env.getOrDefault("ARDOISE_STACK_DIR", home.resolve(".local-stack").toString())),
                port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "DB_PORT", 5432), port(env, "SMTP_PORT", 2525), port(env, "MAIL_API_PORT", 8025),
                port(env, "ACCOUNT_SERVICE_PORT", 8081), port(env, "INVOICE_SERVICE_PORT", 8082),
                port(env, "NOTIFICATION_SERVICE_PORT", 8083),
                !"true".equalsIgnoreCase(env.getOrDefault("ARDOISE_CLEAN", "false")));
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public String serviceUrl(int port) {
        return "http://localhost:" + port;
    }

    public String mailApiUrl() {
        return "http://localhost:" + mailApiPort;
    }

    public Path logs() {
        return workDir.resolve("logs");
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.strip());
    }
}
