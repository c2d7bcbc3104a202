package dev.ardoise.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Apache Kafka broker per test JVM, in KRaft mode (one combined broker and controller node), started at its
 * first use and stopped when the JVM exits, so that an application started again (another test profile) finds it
 * there. Its address is kept in a system property, not a static field: Quarkus may load this class again in each
 * application's class loader. The lock is the property's name, a string constant the JVM interns once for every
 * class loader (the system properties themselves are locked by the broker's own threads as it starts).
 */
final class TestKafka {
    private static final String BOOTSTRAP_PROPERTY = "ardoise.test.kafka.bootstrap-servers";

    private TestKafka() {
    }

    static String bootstrapServersOfThisJvm() {
        synchronized (BOOTSTRAP_PROPERTY) {
            String bootstrapServers = System.getProperty(BOOTSTRAP_PROPERTY);
            if (bootstrapServers == null) {
                bootstrapServers = start();
                System.setProperty(BOOTSTRAP_PROPERTY, bootstrapServers);
            }
            return bootstrapServers;
        }
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
