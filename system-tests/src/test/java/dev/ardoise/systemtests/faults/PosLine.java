package dev.ardoise.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registers' line to account-service over Kafka: a sale is published on {@code pos-sales} (the register's token
 * in the {@code authorization} header) and its answer read on {@code pos-sale-results}, matched by saleId. Unlike
 * the system tests' {@code PosRegister}, which sells one sale and waits, it stays open and sells many at once.
 */
final class PosLine implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> answers;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    PosLine(Map<String, Object> register) {
        Map<String, Object> producing = new HashMap<>(register);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producing.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // a register whose broker is gone learns it within seconds, and publishes the sale again
        producing.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producing.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        producing.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        producer = new KafkaProducer<>(producing, new StringSerializer(), new StringSerializer());
        answers = new KafkaConsumer<>(register, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = answers.partitionsFor("pos-sale-results").stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
        answers.assign(partitions);
        answers.seekToEnd(partitions);
        partitions.forEach(answers::position);
        reader = new Thread(this::readAnswers, "pos-sale-results-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Publishes the sale; the answer completes the future (a sale published again with the same saleId is answered
     * the same). It fails if the sale could not be published; it never completes if no answer comes.
     */
    CompletableFuture<JsonNode> sell(String saleId, String accountId, String amount, String cashier) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(saleId, answer);
        ProducerRecord<String, String> sale = new ProducerRecord<>("pos-sales", accountId,
                Http.write(Map.of("saleId", saleId, "accountId", accountId, "amount", amount)));
        sale.headers().add("authorization", ("Bearer " + cashier).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(sale, (metadata, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer.whenComplete((body, error) -> waiting.remove(saleId, answer));
    }

    private void readAnswers() {
        while (reading.get()) {
            try {
                for (ConsumerRecord<String, String> record : answers.poll(Duration.ofMillis(100))) {
                    JsonNode body = Http.parse(record.value());
                    CompletableFuture<JsonNode> answer = waiting.get(body.path("saleId").asText());
                    if (answer != null) {
                        answer.complete(body);
                    }
                }
            } catch (RuntimeException e) {
                // the broker is down, or an answer not in JSON: keep reading
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        reader.join(10_000);
        answers.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
    }
}
