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
    private static final int MOST_SECONDS_TO_STOP = 10;

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

    /**
     * Stops the broker as the test JVM exits, waiting {@value #MOST_SECONDS_TO_STOP} s at most: the broker lives in
     * this JVM and ends with it anyway, while a shutdown hook that hangs (a broker's controlled shutdown under a busy
     * parallel build) holds the exit until Surefire kills the fork and fails a module whose tests all passed.
     */
    private static void close(KafkaClusterTestKit cluster) {
        Thread stopping = new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("stop-test-kafka: could not stop the test broker: " + e);
            }
        }, "stop-test-kafka-cluster");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(MOST_SECONDS_TO_STOP * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            System.err.println("stop-test-kafka: the test broker did not stop within " + MOST_SECONDS_TO_STOP
                    + " s; the JVM exits without waiting for it");
        }
    }
}
