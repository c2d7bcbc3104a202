package dev.ardoise.account;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records of one topic that carry some keys (a test's own accounts), read without a consumer group: every
 * partition is assigned and read from its beginning, so reading starts at once (no group to join), and reading up
 * to the end offsets tells "not on the topic" from "not read yet". Close it, which stops its consumer.
 */
public final class RecordsOnTopic implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Set<String> keys;
    private final List<ConsumerRecord<String, String>> read = new ArrayList<>();
    private List<TopicPartition> partitions;

    private RecordsOnTopic(String bootstrapServers, String topic, Set<String> keys) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // the broker answers a fetch as soon as a record comes; this bounds how long closing waits for one
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) POLL.toMillis()),
                new StringDeserializer(), new StringDeserializer());
        this.topic = topic;
        this.keys = keys;
    }

    /** The records of {@code topic} whose key is one of {@code keys}. */
    public static RecordsOnTopic of(String bootstrapServers, String topic, String... keys) {
        return new RecordsOnTopic(bootstrapServers, topic, Set.of(keys));
    }

    /**
     * Reads until at least {@code count} records of the keys were read; answers all read so far (each key's in offset
     * order).
     */
    public List<ConsumerRecord<String, String>> await(int count, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        // The topic may not be there yet: its first writer creates it.
        Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .atMost(atMost).until(this::assigned);
        while (read.size() < count) {
            assertTrue(Instant.now().isBefore(deadline), "only " + read.size() + " of " + count + " records of "
                    + keys + " on " + topic + " after " + atMost + ": " + read);
            poll();
        }
        return List.copyOf(read);
    }

    /** Reads up to the partitions' end offsets as of now: every record of the keys the topic holds. */
    public List<ConsumerRecord<String, String>> toEnd() {
        if (!assigned()) {
            return List.of();
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            assertTrue(Instant.now().isBefore(deadline), "could not read " + topic + " to its end");
            poll();
        }
        return List.copyOf(read);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            if (keys.contains(record.key())) {
                read.add(record);
            }
        }
    }

    /** Assigns every partition of the topic, from its beginning, once the topic exists. */
    private boolean assigned() {
        if (partitions == null) {
            List<TopicPartition> found = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (found.isEmpty()) {
                return false;
            }
            partitions = found;
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
