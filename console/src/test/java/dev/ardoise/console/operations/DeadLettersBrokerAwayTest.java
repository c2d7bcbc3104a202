package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker that cannot even be asked: the page lists each topic as unreadable, a mark fails as the broker's. */
class DeadLettersBrokerAwayTest {
    private static final OperationsSettings SETTINGS = new TopicsReaderFailureTest.Settings() {
        @Override
        public List<String> deadLetterTopics() {
            return List.of("pos-sales.dlq", "account-events.invoice-service.dlq");
        }
    };

    private final KafkaClients away = new KafkaClients(Map.of()) {
        @Override
        Consumer<String, String> consumer(String purpose) {
            throw new KafkaException("Failed to construct kafka consumer");
        }
    };
    private final DeadLetters deadLetters = new DeadLetters(away, SETTINGS,
            new HandledDeadLetters(away, new ObjectMapper(), SETTINGS));

    @Test
    void every_topic_is_shown_unreadable_rather_than_the_page_failing() {
        List<DeadLetters.TopicLetters> topics = deadLetters.newest();

        assertEquals(List.of("pos-sales.dlq", "account-events.invoice-service.dlq"),
                topics.stream().map(DeadLetters.TopicLetters::topic).toList());
        assertTrue(topics.stream().allMatch(DeadLetters.TopicLetters::unreadable));
        assertTrue(topics.get(0).posSales());
    }

    @Test
    void a_mark_fails_as_the_brokers_failure_which_the_page_answers_503() {
        assertThrows(KafkaException.class,
                () -> deadLetters.markHandled("pos-sales.dlq", 0, 3, "ops", "resent"));
    }
}
