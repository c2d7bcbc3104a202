package dev.ardoise.console.operations;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's Kafka clients, all as the principal of the {@code kafka.*} settings ({@code console}). Consumers
 * have no group: they are assigned partitions and never commit, so the principal needs no group ACL and every
 * console instance reads everything. One admin client and one producer, made when first needed.
 */
@ApplicationScoped
public class KafkaClients {
    private final Map<String, Object> broker;
    private final AtomicInteger consumers = new AtomicInteger();
    private Admin admin;
    private Producer<String, String> producer;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = Map.copyOf(broker);
    }

    /** A consumer without a group that never creates a topic by asking for it; its client id names its purpose. */
    Consumer<String, String> consumer(String purpose) {
        Map<String, Object> config = new HashMap<>(broker);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, purpose + "-" + consumers.incrementAndGet());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(broker);
            config.put("client.id", "console-admin");
            admin = Admin.create(config);
        }
        return admin;
    }

    /** The producer of operators' marks; acks from every in-sync replica before a mark is said to be kept. */
    synchronized Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(broker);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "console-handled-marks");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent stopping) {
        if (admin != null) {
            admin.close();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
