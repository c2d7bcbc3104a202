package dev.ardoise.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where everything listens and where it keeps its files. Each value can be overridden by an environment
 * variable of the same name as the services use (KAFKA_PORT, DB_PORT, SMTP_PORT...). Each service, and the console,
 * answers its API or pages on one port and its health and metrics on another (Quarkus' management interface).
 *
 * @param jvmOptions         added to the java command of the broker, the mail server and each service; none by
 *                           default, so that a developer's stack and the benchmark run at full speed
 * @param durableCommits     PostgreSQL with {@code fsync} and {@code synchronous_commit} on, as production runs; off
 *                           by default (a commit then waits for no disk), {@code ARDOISE_DB_DURABLE=true} turns it on
 * @param console            whether the console starts beside the three services (it does, but for a run that
 *                           measures the services alone)
 * @param extraEnvironment   variables given to a service beyond the stack's own, by service name: a test that needs a
 *                           service to behave otherwise (fewer sending attempts) says so here
 * @param cluster            three Kafka nodes and two instances of each service, or {@link Cluster#NONE}: one of each
 *                           ({@code ARDOISE_CLUSTER=true} turns the cluster on)
 */
public record StackSettings(Path home, Path workDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
                            int smtpPort, int mailApiPort, int accountPort, int invoicePort, int notificationPort,
                            int accountManagementPort, int invoiceManagementPort, int notificationManagementPort,
                            int consolePort, int consoleManagementPort, boolean keepData, List<String> jvmOptions,
                            boolean durableCommits, boolean console, Map<String, Map<String, String>> extraEnvironment,
                            Cluster cluster) {

    public StackSettings {
        jvmOptions = List.copyOf(jvmOptions);
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** The defaults of a developer's machine, overridable by the environment. */
    public static StackSettings fromEnvironment(Path home) {
        Map<String, String> env = System.getenv();
        StackSettings settings = new StackSettings(home, Path.of(env.getOrDefault("ARDOISE_STACK_DIR", home.resolve(".local-stack").toString())),
                port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "DB_PORT", 5432), port(env, "SMTP_PORT", 2525), port(env, "MAIL_API_PORT", 8025),
                port(env, "ACCOUNT_SERVICE_PORT", 8081), port(env, "INVOICE_SERVICE_PORT", 8082),
                port(env, "NOTIFICATION_SERVICE_PORT", 8083),
                port(env, "ACCOUNT_SERVICE_MANAGEMENT_PORT", 9081), port(env, "INVOICE_SERVICE_MANAGEMENT_PORT", 9082),
                port(env, "NOTIFICATION_SERVICE_MANAGEMENT_PORT", 9083),
                port(env, "CONSOLE_PORT", 8084), port(env, "CONSOLE_MANAGEMENT_PORT", 9084),
                !"true".equalsIgnoreCase(env.getOrDefault("ARDOISE_CLEAN", "false")), List.of(),
                "true".equalsIgnoreCase(env.getOrDefault("ARDOISE_DB_DURABLE", "false")), true, Map.of(),
                Cluster.NONE);
        return "true".equalsIgnoreCase(env.getOrDefault("ARDOISE_CLUSTER", "false"))
                ? settings.withCluster(Cluster.beside(settings)) : settings;
    }

    /** A fresh stack in {@code workDir} on ports free right now, for tests and the benchmark. */
    public static StackSettings onFreePorts(Path home, Path workDir) {
        return new StackSettings(home, workDir, freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), false,
                List.of(), false, true, Map.of(), Cluster.NONE);
    }

    /**
     * The same stack as a cluster (three Kafka nodes, two instances of each service behind a balancer on the
     * service's ports), its more ports free right now: for tests.
     */
    public StackSettings asCluster() {
        return withCluster(Cluster.onPorts(StackSettings::freePort));
    }

    /**
     * The same stack with {@code count} instances of {@code service} behind a balancer on its ports, the rest as it
     * was: to measure what a second instance brings (the benchmark's scale-out run).
     */
    public StackSettings withInstances(String service, int count) {
        return count == 1 ? this : withCluster(cluster.withInstances(service, count, StackSettings::freePort));
    }

    private StackSettings withCluster(Cluster cluster) {
        return new StackSettings(home, workDir, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailApiPort,
                accountPort, invoicePort, notificationPort, accountManagementPort, invoiceManagementPort,
                notificationManagementPort, consolePort, consoleManagementPort, keepData, jvmOptions, durableCommits,
                console, extraEnvironment, cluster);
    }

    /** Three Kafka nodes rather than one. */
    public boolean clustered() {
        return cluster.clustered();
    }

    /** Every Kafka node: node 1 on the stack's Kafka ports, then a cluster's others. */
    public List<Cluster.Broker> brokers() {
        List<Cluster.Broker> brokers = new ArrayList<>(List.of(new Cluster.Broker(kafkaPort, kafkaControllerPort)));
        brokers.addAll(cluster.moreBrokers());
        return brokers;
    }

    /** A service's instances: one on the service's ports, or a cluster's, behind a balancer on the service's ports. */
    List<Cluster.Instance> instances(String service, int port, int managementPort) {
        return cluster.instances().getOrDefault(service, List.of(new Cluster.Instance(port, managementPort)));
    }

    /**
     * The same stack, its broker, mail server and services started with these JVM options: a test that starts
     * and stops the stack may trade their peak speed for less CPU ({@code -XX:TieredStopAtLevel=1}).
     */
    public StackSettings withJvmOptions(String... options) {
        return new StackSettings(home, workDir, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailApiPort,
                accountPort, invoicePort, notificationPort, accountManagementPort, invoiceManagementPort,
                notificationManagementPort, consolePort, consoleManagementPort, keepData, List.of(options),
                durableCommits, console, extraEnvironment, cluster);
    }

    /** The same stack, its PostgreSQL committing to disk ({@code fsync} and {@code synchronous_commit} on) or not. */
    public StackSettings withDurableCommits(boolean durable) {
        return new StackSettings(home, workDir, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailApiPort,
                accountPort, invoicePort, notificationPort, accountManagementPort, invoiceManagementPort,
                notificationManagementPort, consolePort, consoleManagementPort, keepData, jvmOptions, durable,
                console, extraEnvironment, cluster);
    }

    /** The same stack without the console: the three services and their infrastructure only. */
    public StackSettings withoutConsole() {
        return new StackSettings(home, workDir, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailApiPort,
                accountPort, invoicePort, notificationPort, accountManagementPort, invoiceManagementPort,
                notificationManagementPort, consolePort, consoleManagementPort, keepData, jvmOptions, durableCommits,
                false, extraEnvironment, cluster);
    }

    /**
     * The same stack, {@code service} (e.g. {@code notification-service}) started with these variables too, over the
     * stack's own where both set one.
     */
    public StackSettings withEnvironment(String service, Map<String, String> variables) {
        Map<String, Map<String, String>> extra = new HashMap<>(extraEnvironment);
        Map<String, String> ofService = new HashMap<>(extra.getOrDefault(service, Map.of()));
        ofService.putAll(variables);
        extra.put(service, Map.copyOf(ofService));
        return new StackSettings(home, workDir, kafkaPort, kafkaControllerPort, postgresPort, smtpPort, mailApiPort,
                accountPort, invoicePort, notificationPort, accountManagementPort, invoiceManagementPort,
                notificationManagementPort, consolePort, consoleManagementPort, keepData, jvmOptions, durableCommits,
                console, extra, cluster);
    }

    /** Every node, so that a client finds the cluster whichever node is down. */
    public String kafkaBootstrap() {
        return brokers().stream().map(broker -> "localhost:" + broker.port()).collect(Collectors.joining(","));
    }

    public String serviceUrl(int port) {
        return "http://localhost:" + port;
    }

    /** Where a person opens the console. */
    public String consoleUrl() {
        return serviceUrl(consolePort);
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

    private static int freePort() {
        return FreePorts.next();
    }
}
