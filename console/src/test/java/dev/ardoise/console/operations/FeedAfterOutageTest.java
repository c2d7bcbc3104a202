package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.EmailConsentGiven;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events published while the reader was away (the broker gone, then back) go to the live feed once it reads
 * again, each once: they are not taken for the hour read back.
 */
class FeedAfterOutageTest {
    private static final String EVENTS = "account-events";
    private static final TopicPartition PARTITION = new TopicPartition(EVENTS, 0);
    private static final List<String> TOPICS = List.of(EVENTS, "pos-sale-results", "dead-letters.handled");
    private static final UUID ACCOUNT = UUID.randomUUID();

    private final List<Long> fedVersions = new CopyOnWriteArrayList<>();
    private final AtomicInteger consumersMade = new AtomicInteger();
    private final List<ConsumerRecord<String, String>> topic = List.of(
            record(0, new AccountOpened("C-1", "Marie Tremblay", "marie@example.com", false, "fr-CA", "CAD", "MAIN")),
            record(1, new EmailConsentGiven("marie@example.com")),
            record(2, new EmailConsentGiven("marie@example.com")));
    private TopicsReader reader;

    /** The first consumer finds the topic empty, reads the first event, then loses the broker; the second finds three. */
    private final class Broker extends KafkaClients {
        Broker() {
            super(Map.of());
        }

        @Override
        Consumer<String, String> consumer(String purpose) {
            boolean first = consumersMade.incrementAndGet() == 1;
            MockConsumer<String, String> consumer = new MockConsumer<>("latest") {
                @Override
                public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                        Map<TopicPartition, Long> timestamps) {
                    Map<TopicPartition, OffsetAndTimestamp> hourAgo = new HashMap<>();
                    if (!first) {
                        hourAgo.put(PARTITION, new OffsetAndTimestamp(0, 0));
                    }
                    return hourAgo;
                }
            };
            for (String name : TOPICS) {
                consumer.updatePartitions(name, List.of(new PartitionInfo(name, 0, null, null, null)));
                TopicPartition partition = new TopicPartition(name, 0);
                consumer.updateBeginningOffsets(Map.of(partition, 0L));
                consumer.updateEndOffsets(Map.of(partition, first || !name.equals(EVENTS) ? 0L : 3L));
            }
            if (first) {
                consumer.schedulePollTask(() -> consumer.addRecord(topic.get(0)));
                consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("the broker is away")));
            } else {
                consumer.schedulePollTask(() -> topic.forEach(consumer::addRecord));
            }
            return consumer;
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (reader != null) {
            reader.stop(new ShutdownEvent());
        }
    }

    @Test
    void what_was_published_while_the_reader_was_away_reaches_the_feed_once_it_reads_again() {
        Feed feed = new Feed(new ObjectMapper(), TopicsReaderFailureTest.Settings.DEFAULTS) {
            @Override
            synchronized void publish(FeedEvent event) {
                fedVersions.add(event.version());
                super.publish(event);
            }
        };
        reader = TopicsReaderFailureTest.readerOf(new Broker(), feed);

        reader.start(new StartupEvent());

        await().atMost(Duration.ofSeconds(15)).until(() -> fedVersions.size() >= 3);
        assertEquals(List.of(1L, 2L, 3L), fedVersions, "each event fed once, in order, the first not again");
        assertEquals(2, consumersMade.get(), "one consumer lost, one that read again");
    }

    private static ConsumerRecord<String, String> record(long offset, AccountEvent data) {
        ProducerRecord<String, String> sent = RelayRecords.cashierOf("MAIN", ACCOUNT, offset + 1, data);
        return new ConsumerRecord<>(EVENTS, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }
}
