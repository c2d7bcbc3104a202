package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The reader survives a failure that is not the broker's (a bug: here the null end offset of the review), says the
 * feed is not live meanwhile, and reads again; the health check says DOWN only when its thread is gone.
 */
class TopicsReaderFailureTest {
    private static final List<String> TOPICS = List.of("account-events", "pos-sale-results", "dead-letters.handled");

    private final AtomicInteger consumersMade = new AtomicInteger();
    private final Feed feed = new Feed(new ObjectMapper(), Settings.DEFAULTS);
    private TopicsReader reader;

    /** A consumer of the three topics, one partition each, empty; the first one made answers no end offsets. */
    private final class Broker extends KafkaClients {
        Broker() {
            super(Map.of());
        }

        @Override
        Consumer<String, String> consumer(String purpose) {
            boolean broken = consumersMade.incrementAndGet() == 1;
            MockConsumer<String, String> consumer = new MockConsumer<>("latest") {
                @Override
                public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
                    return broken ? Map.of() : super.endOffsets(partitions);
                }

                @Override
                public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                        Map<TopicPartition, Long> timestamps) {
                    return Map.of();
                }
            };
            for (String topic : TOPICS) {
                consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.updateBeginningOffsets(Map.of(partition, 0L));
                consumer.updateEndOffsets(Map.of(partition, 0L));
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
    void a_null_end_offset_does_not_kill_the_reader_it_reads_again_and_the_feed_goes_live() {
        reader = readerOf(new Broker(), feed);
        TopicsReaderHealth health = new TopicsReaderHealth(reader);
        assertEquals(HealthCheckResponse.Status.DOWN, health.call().getStatus(), "not started");

        reader.start(new StartupEvent());

        await().atMost(Duration.ofSeconds(10)).until(feed::reading);
        assertEquals(2, consumersMade.get(), "the broken consumer was replaced by a new one");
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
    }

    @Test
    void the_health_check_says_down_once_the_reader_has_stopped() throws InterruptedException {
        reader = readerOf(new Broker(), feed);
        TopicsReaderHealth health = new TopicsReaderHealth(reader);
        reader.start(new StartupEvent());
        await().atMost(Duration.ofSeconds(10)).until(feed::reading);

        reader.stop(new ShutdownEvent());

        assertFalse(reader.alive());
        assertEquals(HealthCheckResponse.Status.DOWN, health.call().getStatus());
    }

    /** A reader of the dashboard's topics on {@code broker}, as the application wires it, feeding {@code feed}. */
    static TopicsReader readerOf(KafkaClients broker, Feed feed) {
        ObjectMapper json = new ObjectMapper();
        return new TopicsReader(broker, Settings.DEFAULTS, feed, new Rates(),
                new HandledDeadLetters(broker, json, Settings.DEFAULTS), new StoresSeen(), json);
    }

        /** The dashboard's settings as application.properties gives them. */
    static class Settings implements OperationsSettings {
        static final Settings DEFAULTS = new Settings();

        @Override
        public String accountEventsTopic() {
            return TOPICS.get(0);
        }

        @Override
        public String posSaleResultsTopic() {
            return TOPICS.get(1);
        }

        @Override
        public String posSalesDeadLetterTopic() {
            return "pos-sales.dlq";
        }

        @Override
        public List<String> deadLetterTopics() {
            return List.of("pos-sales.dlq");
        }

        @Override
        public String handledTopic() {
            return TOPICS.get(2);
        }

        @Override
        public List<String> readerGroups() {
            return List.of("invoice-service");
        }

        @Override
        public int feedSubscriberBuffer() {
            return 100;
        }

        @Override
        public int feedMostSubscribers() {
            return 50;
        }

        @Override
        public int deadLettersShown() {
            return 100;
        }
    }
}
