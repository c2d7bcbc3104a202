package dev.ardoise.systemtests;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A register that charges a sale over Kafka, logged in as the {@code register} principal: publishes it on
 * pos-sales with its token in the {@code authorization} header (or none) and waits for its answer.
 */
final class PosRegister {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PosRegister() {
    }

    /** @param token the register's bearer token, or null to send none */
    static Map<String, Object> sell(String accountId, String saleId, String sale, String token) throws Exception {
        Map<String, Object> producer = new HashMap<>(Ardoise.kafka("register"));
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaConsumer<String, String> answers = reader("register");
             KafkaProducer<String, String> register = new KafkaProducer<>(producer, new StringSerializer(),
                     new StringSerializer())) {
            // from the answers' end offsets before the sale: its answer comes after them, and no group to join
            List<TopicPartition> partitions = answers.partitionsFor("pos-sale-results").stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            answers.assign(partitions);
            answers.endOffsets(partitions).forEach(answers::seek);
            ProducerRecord<String, String> record = new ProducerRecord<>("pos-sales", accountId, sale);
            if (token != null) {
                record.headers().add("authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
            }
            register.send(record).get();
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> answer : answers.poll(Duration.ofMillis(500))) {
                    Map<String, Object> body = JSON.readValue(answer.value(), new TypeReference<>() { });
                    if (saleId.equals(body.get("saleId"))) {
                        return body;
                    }
                }
            }
            throw new AssertionError("no answer on pos-sale-results for " + saleId + " within 60 s");
        }
    }

    /**
     * A consumer that logs in as {@code principal} and belongs to no group: it reads the partitions it is
     * assigned, from where it is told, at once (a group would first have to form).
     */
    static KafkaConsumer<String, String> reader(String principal) {
        return new KafkaConsumer<>(Ardoise.kafka(principal), new StringDeserializer(), new StringDeserializer());
    }

    /** A consumer that logs in as {@code principal} and names a group, for the offsets it commits there. */
    static KafkaConsumer<String, String> reader(String principal, String group) {
        Map<String, Object> settings = new HashMap<>(Ardoise.kafka(principal));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }
}
