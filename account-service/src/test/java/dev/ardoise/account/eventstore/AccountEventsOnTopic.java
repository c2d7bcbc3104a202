package dev.ardoise.account.eventstore;

import dev.ardoise.events.AccountEventsTopic;
import io.restassured.path.json.JsonPath;
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
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything account-events holds right now, read from the beginning to the end of every partition. */
final class AccountEventsOnTopic {
    /** One record: the partition it is on and the version in its body. */
    record Published(int partition, long version) {
    }

    private final Map<UUID, List<Published>> byAccount = new LinkedHashMap<>();

    static AccountEventsOnTopic read(String bootstrapServers) {
        AccountEventsOnTopic topic = new AccountEventsOnTopic();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AccountEventsTopic.NAME).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertTrue(Instant.now().isBefore(deadline), "could not read account-events to its end");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    topic.byAccount.computeIfAbsent(UUID.fromString(record.key()), account -> new ArrayList<>())
                            .add(new Published(record.partition(), JsonPath.from(record.value()).getLong("version")));
                }
            }
        }
        return topic;
    }

    /** Each account's versions 1..n are on the topic once each, in order, all on the account's own partition. */
    void assertExactlyOnceInOrder(Collection<UUID> accounts, long versions, int partitionCount) {
        for (UUID account : accounts) {
            List<Published> records = byAccount.getOrDefault(account, List.of());
            assertEquals(LongStream.rangeClosed(1, versions).boxed().toList(),
                    records.stream().map(Published::version).toList(), "versions of " + account + " on the topic");
            Set<Integer> partitions = new HashSet<>(records.stream().map(Published::partition).toList());
            assertEquals(Set.of(OutboxPartitions.of(account, partitionCount)), partitions, "partition of " + account);
        }
    }
}
