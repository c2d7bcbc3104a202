package dev.ardoise.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An Apache Kafka broker in KRaft mode (broker and controller in one node), in its own JVM. */
final class KafkaBroker implements AutoCloseable {
    /** The topics of the contract, with partitions so that readers and the relay can spread by account. */
    private static final List<String> TOPICS = List.of("account-events", "pos-sales", "pos-sale-results", "pos-sales.dlq");
    private static final int PARTITIONS = 3;
    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    static KafkaBroker start(StackSettings settings) {
        Path dir = settings.workDir().resolve("kafka");
        Path data = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Path logConfig = dir.resolve("log4j2.properties");
        String classpath = classpath(settings.home());
        try {
            Files.createDirectories(data);
            Files.writeString(config, serverProperties(settings, data));
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, config, logConfig, settings.logs());
        }
        ChildProcess broker = ChildProcess.start("kafka", List.of(Java.executable(), "-Xms128m", "-Xmx512m",
                        "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.Kafka", config.toString()),
                Map.of(), settings.logs().resolve("kafka.log"));
        broker.awaitListening(settings.kafkaPort(), Duration.ofSeconds(60));
        createTopics(settings);
        return new KafkaBroker(broker);
    }

    /** Made up front so that the consumers find them at once, rather than on their next metadata refresh. */
    private static void createTopics(StackSettings settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics " + TOPICS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void format(String classpath, Path config, Path logConfig, Path logs) {
        ChildProcess format = ChildProcess.start("kafka-storage-format", List.of(Java.executable(), "-Xmx256m",
                        "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.tools.StorageTool",
                        "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
                        "--standalone"),
                Map.of(), logs.resolve("kafka-format.log"));
        if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
            throw new IllegalStateException("cannot format the Kafka storage; see " + logs.resolve("kafka-format.log"));
        }
    }

    private static String serverProperties(StackSettings settings, Path data) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(settings.kafkaPort(), settings.kafkaControllerPort(), data);
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

    @Override
    public void close() {
        process.close();
    }
}
