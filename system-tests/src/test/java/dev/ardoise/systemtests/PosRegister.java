package dev.ardoise.systemtests;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A register that charges a sale over Kafka: publishes it on pos-sales and waits for its answer. */
final class PosRegister {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PosRegister() {
    }

    static Map<String, Object> sell(String bootstrap, String accountId, String saleId, String sale) throws Exception {
        try (KafkaConsumer<String, String> answers = answers(bootstrap);
             KafkaProducer<String, String> register = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), new StringSerializer())) {
            answers.subscribe(List.of("pos-sale-results"));
            register.send(new ProducerRecord<>("pos-sales", accountId, sale)).get();
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : answers.poll(Duration.ofMillis(500))) {
                    Map<String, Object> answer = JSON.readValue(record.value(), new TypeReference<>() { });
                    if (saleId.equals(answer.get("saleId"))) {
                        return answer;
                    }
                }
            }
            throw new AssertionError("no answer on pos-sale-results for " + saleId + " within 60 s");
        }
    }

    private static KafkaConsumer<String, String> answers(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-register-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
