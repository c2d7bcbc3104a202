package dev.ardoise.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sales from registers over Kafka: published on {@code pos-sales} (the register's token in the {@code
 * authorization} header), answered on {@code pos-sale-results}; the latency runs from the sale's intended send
 * time to its answer as a register reads it. CHARGED is accepted, DECLINED declined, REJECTED (or no answer) failed.
 */
final class PosTopic implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Shop shop;
    private final List<Shop.Account> accounts;
    private final int hot;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> answers;
    private final Map<String, CompletableFuture<OpenLoop.Outcome>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    /** @param register the Kafka client settings of the {@code register} principal */
    PosTopic(Map<String, Object> register, Shop shop, List<Shop.Account> accounts, int hot) {
        this.shop = shop;
        this.accounts = accounts;
        this.hot = hot;
        Map<String, Object> producing = new HashMap<>(register);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producing.put(ProducerConfig.LINGER_MS_CONFIG, 1);
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

    CompletableFuture<OpenLoop.Outcome> sell(long i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 1);
        Shop.Account account = shop.pick(accounts, hot, random);
        String saleId = "P-" + UUID.randomUUID();
        String amount = "%d.%02d".formatted(1 + random.nextInt(20), random.nextInt(100));
        CompletableFuture<OpenLoop.Outcome> answer = new CompletableFuture<>();
        pending.put(saleId, answer);
        ProducerRecord<String, String> sale = new ProducerRecord<>("pos-sales", account.id(), AsyncHttp.write(
                Map.of("saleId", saleId, "accountId", account.id(), "amount", amount)));
        sale.headers().add("authorization", ("Bearer " + shop.register(account, random))
                .getBytes(StandardCharsets.UTF_8));
        producer.send(sale, (metadata, error) -> {
            if (error != null) {
                pending.remove(saleId);
                answer.complete(OpenLoop.Outcome.FAILED);
            }
        });
        return answer;
    }

    private void readAnswers() {
        while (reading.get()) {
            for (ConsumerRecord<String, String> record : answers.poll(Duration.ofMillis(20))) {
                try {
                    JsonNode body = JSON.readTree(record.value());
                    CompletableFuture<OpenLoop.Outcome> answer = pending.remove(body.path("saleId").asText());
                    if (answer != null) {
                        answer.complete(switch (body.path("outcome").asText()) {
                            case "CHARGED" -> OpenLoop.Outcome.ACCEPTED;
                            case "DECLINED" -> OpenLoop.Outcome.DECLINED;
                            default -> OpenLoop.Outcome.FAILED;
                        });
                    }
                } catch (Exception e) {
                    // not an answer to one of these sales
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        reader.join();
        answers.close();
        producer.close();
    }
}
