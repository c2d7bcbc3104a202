package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountEventsTopic;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The live projection's reader as the broker sees it: the offsets its consumer group committed on account-events. */
final class LiveReader {
    private static final String GROUP = "invoice-service";

    private LiveReader() {
    }

    /**
     * True when the live reader has committed past every record account-events holds now: each one applied, parked
     * or dead-lettered (it commits only what it has done).
     */
    static boolean caughtUp(KafkaCompanion kafka) {
        Map<TopicPartition, OffsetSpec> latest = partitions(kafka).stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.consumerGroups().offsets(GROUP);
        return kafka.offsets().list(latest).entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                || committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue().offset());
    }

    /** The partitions of account-events. */
    static Set<TopicPartition> partitions(KafkaCompanion kafka) {
        return kafka.topics().describe(AccountEventsTopic.NAME).get(AccountEventsTopic.NAME).partitions().stream()
                .map(partition -> new TopicPartition(AccountEventsTopic.NAME, partition.partition()))
                .collect(Collectors.toSet());
    }
}
