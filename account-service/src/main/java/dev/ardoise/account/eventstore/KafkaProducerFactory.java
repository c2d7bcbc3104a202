package dev.ardoise.account.eventstore;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The relay's Kafka clients. The producer is idempotent with acks=all, so a record the broker acknowledged is on
 * every in-sync replica and a retry inside one session is not written twice; not the messaging Emitter: it buffers
 * in memory. The tail consumer reads the end of a partition, committed records only, without a consumer group.
 */
@ApplicationScoped
public class KafkaProducerFactory {
    private Producer<String, String> producer;

    @Produces
    @Singleton
    Producer<String, String> relayProducer(KafkaClientSettings settings) {
        producer = relayProducer(settings.common(), "account-service-outbox-relay");
        return producer;
    }

    static Producer<String, String> relayProducer(String bootstrapServers, String clientId) {
        return relayProducer(KafkaClientSettings.plain(bootstrapServers), clientId);
    }

    static Producer<String, String> relayProducer(Map<String, Object> settings, String clientId) {
        return new KafkaProducer<>(with(settings, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                // A batch of the relay is handed over at once and awaited: lingering would only delay it, and a
                // batch.size that holds the whole of it sends it in one request instead of one per 16 kB.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)),
                new StringSerializer(), new StringSerializer());
    }

    static Consumer<byte[], byte[]> tailConsumer(String bootstrapServers, String clientId, int maxRecords) {
        return tailConsumer(KafkaClientSettings.plain(bootstrapServers), clientId, maxRecords);
    }

    /**
     * The tail reads only records it knows are there, at offsets it seeks to. After each read the client has
     * already asked for what follows the partition's end, and the broker holds that request up to
     * {@code fetch.max.wait.ms} (500 ms by default) while the next read, further back, waits behind it: a take-over
     * reading a partition back in a few steps would wait that long at each one.
     */
    static Consumer<byte[], byte[]> tailConsumer(Map<String, Object> settings, String clientId, int maxRecords) {
        return new KafkaConsumer<>(with(settings, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, Object> with(Map<String, Object> settings, Map<String, Object> client) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(client);
        return all;
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close();
        }
    }
}
