package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountEventsTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads account-events from the very beginning with a consumer of its own (partitions assigned by hand, no group,
 * nothing committed), so that the live projection's consumer group is left alone. Each call reads on from where
 * the last stopped up to the end of the topic as it is at the time of the call.
 */
final class TopicReplay implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    TopicReplay(BrokerConnection broker) {
        Properties config = broker.properties();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "invoice-service-replay");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(AccountEventsTopic.NAME, Duration.ofSeconds(30));
        partitions = infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Hands every record body up to the current end of the topic to {@code reader}; answers how many. */
    long readToEnd(Consumer<String> reader) {
        return readToEnd(key -> true, reader);
    }

    /**
     * Hands the bodies of the records whose key (the account id) {@code keys} wants, up to the current end of the
     * topic, to {@code reader}; answers how many records were read. The others are passed over unparsed.
     */
    long readToEnd(Predicate<String> keys, Consumer<String> reader) {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long read = 0;
        while (!reached(end)) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.value() != null && keys.test(record.key())) {
                    reader.accept(record.value());
                }
                read++;
            }
        }
        return read;
    }

    /** Starts again from the very beginning of every partition. */
    void rewind() {
        consumer.seekToBeginning(partitions);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
