package dev.ardoise.account.eventstore;

import dev.ardoise.events.AccountEventsTopic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What account-events holds right now for some accounts, read from the beginning to the end of every partition
 * (the topic also holds the other tests' accounts).
 */
final class AccountEventsOnTopic {
    /** One record: the partition it is on and the version in its body. */
    record Published(int partition, long version) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<UUID, List<Published>> byAccount = new LinkedHashMap<>();

    static AccountEventsOnTopic read(String bootstrapServers, Collection<UUID> accounts) {
        Set<String> keys = accounts.stream().map(UUID::toString).collect(Collectors.toSet());
        AccountEventsOnTopic topic = new AccountEventsOnTopic();
        accounts.forEach(account -> topic.byAccount.put(account, new ArrayList<>()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // reads only what is there: the fetch sent ahead past the end need not be held by the broker
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AccountEventsTopic.NAME).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertTrue(Instant.now().isBefore(deadline), "could not read account-events to its end");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        topic.byAccount.get(UUID.fromString(record.key())).add(new Published(record.partition(),
                                version(record.value())));
                    }
                }
            }
        }
        return topic;
    }

    private static long version(String body) {
        try {
            return JSON.readTree(body).get("version").asLong();
        } catch (JsonProcessingException e) {
            throw new AssertionError("a record of account-events is not JSON: " + body, e);
        }
    }

    /** Each account's versions 1..n are on the topic once each, in order, all on the account's own partition. */
    void assertExactlyOnceInOrder(long versions, int partitionCount) {
        byAccount.forEach((account, records) -> {
            assertEquals(LongStream.rangeClosed(1, versions).boxed().toList(),
                    records.stream().map(Published::version).toList(), "versions of " + account + " on the topic");
            Set<Integer> partitions = new HashSet<>(records.stream().map(Published::partition).toList());
            assertEquals(Set.of(OutboxPartitions.of(account, partitionCount)), partitions, "partition of " + account);
        });
    }
}
