package dev.ardoise.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Apache Kafka broker per test JVM, in KRaft mode (one combined broker and controller node), started at its
 * first use and stopped when the JVM exits, so that an application started again (another test profile) finds it
 * there ({@link JvmWide}).
 */
final class TestKafka {
    private static final String BOOTSTRAP_PROPERTY = "ardoise.test.kafka.bootstrap-servers";

    private TestKafka() {
    }

    static String bootstrapServersOfThisJvm() {
        return JvmWide.value(BOOTSTRAP_PROPERTY, TestKafka::start);
    }

    private static String start() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(cluster), "stop-test-kafka"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Kafka", e);
        }
    }

    private static void close(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Kafka", e);
        }
    }
}
