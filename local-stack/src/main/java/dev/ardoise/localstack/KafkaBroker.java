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

/**
 * An Apache Kafka broker in KRaft mode (broker and controller in one node), in its own JVM. Clients log in with
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
    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
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

    static KafkaBroker start(StackSettings settings, Secrets secrets) {
        Path dir = settings.workDir().resolve("kafka");
        Path data = data(settings);
        Path config = dir.resolve("server.properties");
        Path logConfig = dir.resolve("log4j2.properties");
        String classpath = classpath(settings.home());
        try {
            Files.createDirectories(data);
            Files.deleteIfExists(config);
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(config, serverProperties(settings, secrets, data));
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
                format(classpath, config, logConfig, settings.logs(), secrets);
                Files.writeString(data.resolve(USERS_MARK), usersFingerprint(secrets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms128m", "-Xmx512m"));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.Kafka",
                config.toString()));
        ChildProcess broker = ChildProcess.start("kafka", command, Map.of(), settings.logs().resolve("kafka.log"));
        broker.awaitListening(settings.kafkaPort(), Duration.ofSeconds(60));
        createTopicsAndAcls(settings, secrets);
        return new KafkaBroker(broker);
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
            Topics.create(admin);
            admin.createAcls(KafkaAcls.bindings()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics " + TOPICS + " and their ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void format(String classpath, Path config, Path logConfig, Path logs, Secrets secrets) {
        // C1 only, whoever starts the stack: a tool that runs for a few seconds never repays C2's compilations
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.tools.StorageTool",
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--standalone"));
        for (String user : Secrets.KAFKA_USERS) {
            command.add("--add-scram");
            command.add(SASL_MECHANISM + "=[name=" + user + ",password=" + secrets.kafkaPassword(user) + "]");
        }
        ChildProcess format = ChildProcess.start("kafka-storage-format", command, Map.of(),
                logs.resolve("kafka-format.log"));
        if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
            throw new IllegalStateException("cannot format the Kafka storage; see " + logs.resolve("kafka-format.log"));
        }
    }

    private static String serverProperties(StackSettings settings, Secrets secrets, Path data) {
        String controllerPassword = secrets.kafkaPassword("controller");
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=localhost:%2$d
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
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(settings.kafkaPort(), settings.kafkaControllerPort(), data,
                scramLogin("admin", secrets.kafkaPassword("admin")), controllerPassword, toolLogins(secrets));
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
        return settings.workDir().resolve("kafka").resolve("data");
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

    /** SIGKILL, and waits until it is dead. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
