package dev.ardoise.console.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead letters operators marked handled, kept on the compacted topic {@code dead-letters.handled} (key: the dead
 * letter's {@code topic/partition/offset}; value: who, when, why), which the reader thread reads from its start and
 * then follows: every console instance shows the same marks, and a restarted one still does.
 */
@ApplicationScoped
public class HandledDeadLetters {
    private static final Logger LOG = Logger.getLogger(HandledDeadLetters.class);

    private final KafkaClients kafka;
    private final ObjectMapper json;
    private final OperationsSettings settings;
    private final Map<String, Handling> handled = new ConcurrentHashMap<>();

    /** An operator's mark on one dead letter. */
    public record Handling(String topic, int partition, long offset, String handledBy, String handledAt,
                           String reason) {
        public String key() {
            return keyOf(topic, partition, offset);
        }
    }

    HandledDeadLetters(KafkaClients kafka, ObjectMapper json, OperationsSettings settings) {
        this.kafka = kafka;
        this.json = json;
        this.settings = settings;
    }

    static String keyOf(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    Handling of(String topic, int partition, long offset) {
        return handled.get(keyOf(topic, partition, offset));
    }

    /** The mark of that key ({@code topic/partition/offset}), or null. */
    Handling of(String key) {
        return handled.get(key);
    }

    /**
     * Records the mark on the topic and waits for the broker to keep it.
     *
     * @throws IllegalStateException when the broker did not take it (nothing is marked)
     */
    Handling mark(String topic, int partition, long offset, String operator, String reason, Instant now) {
        Handling handling = new Handling(topic, partition, offset, operator, now.toString(), reason);
        try {
            kafka.producer().send(new ProducerRecord<>(settings.handledTopic(), handling.key(),
                    json.writeValueAsString(handling))).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker kept the mark", e);
        } catch (ExecutionException | TimeoutException | JsonProcessingException e) {
            throw new IllegalStateException("the broker did not keep the mark: " + e.getMessage(), e);
        }
        handled.put(handling.key(), handling);
        return handling;
    }

    /** A record of the topic, as read: a mark, or a tombstone that lifts one. */
    void read(String key, String value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            handled.remove(key);
            return;
        }
        try {
            Handling handling = json.readValue(value, Handling.class);
            Instant.parse(handling.handledAt());
            if (handling.key().equals(key)) {
                handled.put(key, handling);
            } else {
                LOG.warnf("a mark on %s whose key %s names another dead letter, ignored", settings.handledTopic(), key);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("a record of %s that is not a mark (key %s), ignored", settings.handledTopic(), key);
        }
    }
}
