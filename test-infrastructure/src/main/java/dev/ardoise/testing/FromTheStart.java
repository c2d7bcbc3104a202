package dev.ardoise.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Where to read a whole topic from without a consumer group: offset 0 of each of its partitions, for
 * {@code kafka.consumeStrings().fromOffsets(...)}. A group would first wait for its join (seconds); a topic that its
 * first writer creates (a dead-letter topic) is waited for.
 */
public final class FromTheStart {
    private FromTheStart() {
    }

    public static Map<TopicPartition, Long> of(KafkaCompanion kafka, String topic, Duration patience) {
        await().atMost(patience).until(() -> kafka.topics().list().contains(topic));
        return kafka.topics().describe(topic).get(topic).partitions().stream()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                        partition -> 0L));
    }
}
