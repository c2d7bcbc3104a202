package dev.ardoise.account.eventstore;

import dev.ardoise.events.AccountEventsTopic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import org.apache.kafka.clients.producer.Producer;

/**
 * A relay instance the test drives by hand, with its own Kafka clients: what another account-service instance
 * (or this one after a restart) would run.
 */
final class TestRelay implements AutoCloseable {
    private final Producer<String, String> producer;
    private final TopicTail tail;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutboxPublisher publisher;

    TestRelay(Pool pool, String bootstrapServers, String name, int batchSize, Runnable beforeCommit) {
        this(pool, KafkaProducerFactory.relayProducer(bootstrapServers, name), bootstrapServers, name, batchSize,
                beforeCommit, -1);
    }

    /** With a producer of the test's own making; {@code partitions} -1 asks the producer how many there are. */
    TestRelay(Pool pool, Producer<String, String> producer, String tailBootstrapServers, String name, int batchSize,
              Runnable beforeCommit, int partitions) {
        this.producer = producer;
        this.tail = new TopicTail(KafkaProducerFactory.tailConsumer(tailBootstrapServers, name + "-tail", batchSize));
        int partitionCount = partitions > 0 ? partitions : producer.partitionsFor(AccountEventsTopic.NAME).size();
        this.publisher = new OutboxPublisher(pool, producer, tail, partitionCount, batchSize, meters, beforeCommit,
                () -> {
                });
    }

    int partitions() {
        return publisher.partitions();
    }

    int publishBatch(int partition) {
        return publisher.publishBatch(partition);
    }

    /** One batch of every partition; answers how many rows it took care of. */
    int publishRound() {
        int done = 0;
        for (int partition = 0; partition < publisher.partitions(); partition++) {
            done += publisher.publishBatch(partition);
        }
        return done;
    }

    /** Publishes until every partition's batch comes back empty. */
    void publishEverything() {
        while (publishRound() > 0) {
            // next round
        }
    }

    double published() {
        return meters.counter("ardoise.outbox.published").count();
    }

    double parked() {
        return meters.counter("ardoise.relay.parked").count();
    }

    double foundOnTopic() {
        return meters.counter("ardoise.outbox.found.on.topic").count();
    }

    @Override
    public void close() {
        producer.close();
        tail.close();
    }
}
