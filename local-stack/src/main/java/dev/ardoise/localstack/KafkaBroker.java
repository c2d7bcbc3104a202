package dev.ardoise.localstack;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An Apache Kafka node in KRaft mode (broker and controller in one), in its own JVM: the stack's only one, or one of a
 * cluster's three. Clients log in with
 * SASL/SCRAM-SHA-512 (users made when the storage is formatted) and may do only what {@link KafkaAcls} grants;
 * the controller listener takes only the broker's own {@code controller} login (SASL/PLAIN, as KRaft cannot use
 * SCRAM there: the SCRAM users live in the metadata the controller serves).
 */
final class KafkaBroker implements AutoCloseable {
    static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    static final String SASL_MECHANISM = "SCRAM-SHA-512";
    /** The principals kcat logs in as: a register, and the stack's own admin. */
    static final List<String> KCAT_USERS = List.of("register", "admin");
    /** The topics of the contract ({@link Topics}). */
    static final List<String> TOPICS = Topics.NAMES;
    /** Written after a format with the SASL users: a data folder without it was made by an older stack. */
    private static final String USERS_MARK = "ardoise-sasl-users";
    /** Written after a format: how many nodes the quorum has (a folder without it was made for one). */
    private static final String NODES_MARK = "ardoise-kafka-nodes";
    private static final Duration IN_SYNC_WAIT = Duration.ofMinutes(2);
    private final ChildProcess process;
    private final int node;
    private final String name;
    private final int port;

    private KafkaBroker(ChildProcess process, int node, String name, int port) {
        this.process = process;
        this.node = node;
        this.name = name;
        this.port = port;
    }

    /** The broker's data folder exists but was not formatted with these secrets' SASL users. */
    static boolean formattedWithOtherUsers(StackSettings settings, Secrets secrets) {
        Path data = data(settings);
        if (!Files.exists(data.resolve("meta.properties"))) {
            return false;
        }
        try {
            Path mark = data.resolve(USERS_MARK);
            return !Files.exists(mark) || !Files.readString(mark).strip().equals(usersFingerprint(secrets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The broker's data folder was formatted for another number of nodes (one broker, or a cluster's three): its
     * quorum cannot take the others.
     */
    static boolean formattedForOtherNodes(StackSettings settings) {
        Path data = data(settings);
        if (!Files.exists(data.resolve("meta.properties"))) {
            return false;
        }
        try {
            Path mark = data.resolve(NODES_MARK);
            int nodes = Files.exists(mark) ? Integer.parseInt(Files.readString(mark).strip()) : 1;
            return nodes != settings.brokers().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts every node of the stack (one, or a cluster's three: all at once, as a quorum needs a majority to elect
     * a leader), formatting a node's storage at its first start, then makes the topics and ACLs.
     */
    static void startAll(StackSettings settings, Secrets secrets, Consumer<KafkaBroker> launched) {
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int node = 1; node <= settings.brokers().size(); node++) {
            KafkaBroker broker = launch(settings, secrets, node);
            // the stack stops it, whatever happens next
            launched.accept(broker);
            nodes.add(broker);
        }
        nodes.forEach(node -> node.awaitListening(settings));
        createTopicsAndAcls(settings, secrets);
    }

    /**
     * Starts one node again (after {@link #kill()}) on its data, while the others run; waits until it listens and,
     * in a cluster, until it holds again a copy in sync of every partition of the contract's topics: only then may
     * another node go without a partition falling under {@code min.insync.replicas}.
     */
    static KafkaBroker startAgain(StackSettings settings, Secrets secrets, int node) {
        KafkaBroker broker = launch(settings, secrets, node);
        broker.awaitListening(settings);
        if (settings.clustered()) {
            awaitInSync(settings, secrets);
        } else {
            createTopicsAndAcls(settings, secrets);
        }
        return broker;
    }

    private static KafkaBroker launch(StackSettings settings, Secrets secrets, int node) {
        Path dir = folder(settings, node);
        Path data = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Path logConfig = dir.resolve("log4j2.properties");
        String classpath = classpath(settings.home());
        String name = name(settings, node);
        try {
            Files.createDirectories(data);
            Files.deleteIfExists(config);
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(config, serverProperties(settings, secrets, node, data));
            Files.writeString(logConfig, """
                    rootLogger.level=WARN
                    rootLogger.appenderRef.console.ref=console
                    logger.kafka.name=kafka.server.KafkaRaftServer
                    logger.kafka.level=INFO
                    appender.console.type=Console
                    appender.console.name=console
                    appender.console.layout.type=PatternLayout
                    appender.console.layout.pattern=%d{ISO8601} %p [%c{1}] %m%n
                    """);
            if (!Files.exists(data.resolve("meta.properties"))) {
                format(settings, classpath, config, logConfig, name, secrets);
                Files.writeString(data.resolve(USERS_MARK), usersFingerprint(secrets));
                Files.writeString(data.resolve(NODES_MARK), String.valueOf(settings.brokers().size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms128m", "-Xmx512m"));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.Kafka",
                config.toString()));
        ChildProcess broker = ChildProcess.start(name, command, Map.of(), settings.logs().resolve(name + ".log"));
        return new KafkaBroker(broker, node, name, settings.brokers().get(node - 1).port());
    }

    private void awaitListening(StackSettings settings) {
        process.awaitListening(port, Duration.ofSeconds(settings.clustered() ? 120 : 60));
    }

    /** {@code kafka} alone; {@code kafka-1}, {@code kafka-2}, {@code kafka-3} in a cluster. */
    private static String name(StackSettings settings, int node) {
        return settings.clustered() ? "kafka-" + node : "kafka";
    }

    /** Node 1 in {@code kafka/} (where the stack of one broker has always kept it), the others in {@code kafka/node-n/}. */
    private static Path folder(StackSettings settings, int node) {
        Path kafka = settings.workDir().resolve("kafka");
        return node == 1 ? kafka : kafka.resolve("node-" + node);
    }

    /** The settings of a client that logs in as {@code user} (one of {@link Secrets#KAFKA_USERS}). */
    static Map<String, Object> clientProperties(StackSettings settings, Secrets secrets, String user) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL);
        properties.put(SaslConfigs.SASL_MECHANISM, SASL_MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, secrets.kafkaPassword(user)));
        return properties;
    }

    /**
     * Made up front, as {@code admin}, so that the consumers find the topics at once, rather than on their next
     * metadata refresh; nobody else may create one. The topics' settings and the ACLs are set again at every start:
     * setting what is already set changes nothing, and a changed table takes effect.
     */
    private static void createTopicsAndAcls(StackSettings settings, Secrets secrets) {
        try (Admin admin = Admin.create(clientProperties(settings, secrets, "admin"))) {
            // a node listens before it has registered with the controller: topics of three copies need all three
            awaitUntil(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == settings.brokers().size(),
                    "every Kafka node registered with the controller");
            Topics.create(admin, settings.clustered() ? Topics.CLUSTER_REPLICAS : 1);
            admin.createAcls(KafkaAcls.bindings()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics " + TOPICS + " and their ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitInSync(StackSettings settings, Secrets secrets) {
        try (Admin admin = Admin.create(clientProperties(settings, secrets, "admin"))) {
            awaitUntil(() -> admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                            .flatMap(topic -> topic.partitions().stream())
                            .allMatch(partition -> partition.isr().size() == settings.brokers().size()),
                    "every partition of " + TOPICS + " in sync on every node again");
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls a Kafka node's state, which has no event to wait on, every 200 ms for {@link #IN_SYNC_WAIT} at most. */
    private static void awaitUntil(Check check, String what) {
        long deadline = System.nanoTime() + IN_SYNC_WAIT.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception notYet) {
                // a node still starting answers with an error: asked again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + IN_SYNC_WAIT.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /**
     * Alone, the node is its own quorum ({@code --standalone}); in a cluster every node is formatted with the same
     * cluster id, and the quorum is the static voters of its settings.
     */
    private static void format(StackSettings settings, String classpath, Path config, Path logConfig, String name,
                               Secrets secrets) {
        // C1 only, whoever starts the stack: a tool that runs for a few seconds never repays C2's compilations
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.tools.StorageTool",
                "format", "--cluster-id", clusterId(settings), "--config", config.toString()));
        if (!settings.clustered()) {
            command.add("--standalone");
        }
        for (String user : Secrets.KAFKA_USERS) {
            command.add("--add-scram");
            command.add(SASL_MECHANISM + "=[name=" + user + ",password=" + secrets.kafkaPassword(user) + "]");
        }
        Path log = settings.logs().resolve(name + "-format.log");
        ChildProcess format = ChildProcess.start(name + "-storage-format", command, Map.of(), log);
        if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
            throw new IllegalStateException("cannot format the Kafka storage; see " + log);
        }
    }

    /** The id a node formatted earlier was given, so that the cluster's nodes share it; a new one for the first. */
    private static String clusterId(StackSettings settings) {
        for (int node = 1; node <= settings.brokers().size(); node++) {
            Path meta = folder(settings, node).resolve("data/meta.properties");
            if (Files.exists(meta)) {
                try {
                    for (String line : Files.readAllLines(meta)) {
                        if (line.startsWith("cluster.id=")) {
                            return line.substring("cluster.id=".length()).strip();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Uuid.randomUuid().toString();
    }

    private static String serverProperties(StackSettings settings, Secrets secrets, int node, Path data) {
        Cluster.Broker listeners = settings.brokers().get(node - 1);
        String controllerPassword = secrets.kafkaPassword("controller");
        return """
                process.roles=broker,controller
                node.id=%7$d
                %8$s
                listeners=SASL_PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=SASL_PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
                inter.broker.listener.name=SASL_PLAINTEXT
                sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=%4$s
                listener.name.sasl_plaintext.plain.sasl.jaas.config=%6$s
                sasl.mechanism.controller.protocol=PLAIN
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule \
                required username="controller" password="%5$s" user_controller="%5$s";
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                allow.everyone.if.no.acl.found=false
                super.users=User:admin;User:controller
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=false
                group.initial.rebalance.delay.ms=0
                """.formatted(listeners.port(), listeners.controllerPort(), data,
                scramLogin("admin", secrets.kafkaPassword("admin")), controllerPassword, toolLogins(secrets), node,
                quorum(settings)) + replication(settings);
    }

    /** One node is its own quorum; a cluster's three are the static voters, each reached on its controller port. */
    private static String quorum(StackSettings settings) {
        List<Cluster.Broker> brokers = settings.brokers();
        if (brokers.size() == 1) {
            return "controller.quorum.bootstrap.servers=localhost:" + brokers.get(0).controllerPort();
        }
        List<String> voters = new ArrayList<>();
        for (int node = 1; node <= brokers.size(); node++) {
            voters.add(node + "@localhost:" + brokers.get(node - 1).controllerPort());
        }
        return "controller.quorum.voters=" + String.join(",", voters);
    }

    /**
     * Alone, every topic has one copy. In a cluster, every topic (the internal ones too) has a copy on each of the
     * three nodes; a write with {@code acks=all} is acknowledged once every copy in sync holds it, and refused while
     * fewer than two are in sync: a node may die without losing an acknowledged event, and with two down writes stop
     * rather than go on with a single copy. A replica that fell
     * behind never becomes leader (unclean election off): it would drop what the others had acknowledged.
     */
    private static String replication(StackSettings settings) {
        if (!settings.clustered()) {
            return """
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    """;
        }
        return """
                default.replication.factor=%1$d
                min.insync.replicas=%2$d
                unclean.leader.election.enable=false
                offsets.topic.replication.factor=%1$d
                transaction.state.log.replication.factor=%1$d
                transaction.state.log.min.isr=%2$d
                share.coordinator.state.topic.replication.factor=%1$d
                share.coordinator.state.topic.min.isr=%2$d
                """.formatted(Topics.CLUSTER_REPLICAS, Topics.CLUSTER_MIN_IN_SYNC);
    }

    /**
     * The principals a person uses with kcat may also log in with SASL/PLAIN, on the local stack only: Debian's
     * kcat (librdkafka 2.0) cannot finish a SCRAM login with a Kafka 4 broker (fixed in librdkafka 2.6.1). The
     * principal, and so its ACLs, are the same; the services log in with SCRAM.
     */
    private static String toolLogins(Secrets secrets) {
        StringBuilder users = new StringBuilder();
        for (String user : KCAT_USERS) {
            users.append(" user_").append(user).append("=\"").append(secrets.kafkaPassword(user)).append('"');
        }
        return "org.apache.kafka.common.security.plain.PlainLoginModule required" + users + ";";
    }

    private static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static String usersFingerprint(Secrets secrets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String user : Secrets.KAFKA_USERS) {
                digest.update((user + "=" + secrets.kafkaPassword(user) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path data(StackSettings settings) {
        return folder(settings, 1).resolve("data");
    }

    /** The broker runs from the classpath that the local-stack build wrote (its Kafka jars). */
    private static String classpath(Path home) {
        Path file = home.resolve("local-stack/target/classpath.txt");
        try {
            return Files.readString(file).strip() + java.io.File.pathSeparator + home.resolve("local-stack/target/classes");
        } catch (IOException e) {
            throw new UncheckedIOException("build the project first: " + file + " is missing", e);
        }
    }

    ProcessHandle process() {
        return process.handle();
    }

    int node() {
        return node;
    }

    String name() {
        return name;
    }

    /** SIGKILL, and waits until it is dead. */
    void kill() {
        process.kill();
    }

    /** SIGTERM without waiting, so that a cluster's nodes stop together; {@link #close()} waits. */
    void askToStop() {
        process.askToStop();
    }

    @Override
    public void close() {
        process.close();
    }
}
