package dev.ardoise.account.eventstore;

import dev.ardoise.events.AccountEventsTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the end of a partition of account-events (read_committed, no consumer group), to learn which outbox rows
 * a relay that stopped between send and mark had already published. The relay's threads take turns with it.
 */
final class TopicTail implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A record the relay wrote: its outbox position and event id; {@link #UNKNOWN} for any other record. */
    record Published(long position, UUID eventId) {
        static final Published UNKNOWN = new Published(-1, null);
    }

    private final Consumer<byte[], byte[]> consumer;

    TopicTail(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    synchronized long start(int partition) {
        TopicPartition topicPartition = assign(partition);
        return consumer.beginningOffsets(List.of(topicPartition)).get(topicPartition);
    }

    synchronized long end(int partition) {
        TopicPartition topicPartition = assign(partition);
        return consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
    }

    /** The records at offsets {@code from} (inclusive) to {@code to} (exclusive), in offset order. */
    synchronized List<Published> read(int partition, long from, long to) {
        TopicPartition topicPartition = assign(partition);
        consumer.seek(topicPartition, from);
        List<Published> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (consumer.position(topicPartition) < to) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topicPartition + " up to offset " + to);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < to) {
                    records.add(published(record));
                }
            }
        }
        return records;
    }

    private static Published published(ConsumerRecord<byte[], byte[]> record) {
        Header position = record.headers().lastHeader(OutboxPublisher.POSITION_HEADER);
        Header eventId = record.headers().lastHeader(AccountEventsTopic.HEADER_ID);
        if (position == null || eventId == null) {
            return Published.UNKNOWN;
        }
        try {
            return new Published(Long.parseLong(text(position)), UUID.fromString(text(eventId)));
        } catch (IllegalArgumentException notOurs) {
            return Published.UNKNOWN;
        }
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads only the partition asked about (the client warns about offsets it learns for others). */
    private TopicPartition assign(int partition) {
        TopicPartition topicPartition = new TopicPartition(AccountEventsTopic.NAME, partition);
        if (!consumer.assignment().equals(Set.of(topicPartition))) {
            consumer.assign(List.of(topicPartition));
        }
        return topicPartition;
    }

    @Override
    public synchronized void close() {
        consumer.close(TIMEOUT);
    }
}
