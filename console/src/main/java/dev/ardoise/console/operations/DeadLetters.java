package dev.ardoise.console.operations;

import dev.ardoise.console.web.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter topics' newest records, read when an operator opens the page, with a consumer of its own and no
 * group: the last {@code dead-letters-shown} records of each partition, newest first across partitions, each with
 * the reason its writer put in its headers and the operators' mark if there is one.
 */
@ApplicationScoped
public class DeadLetters {
    /** SmallRye's dead-letter headers (KafkaDeadLetterQueue): the readers' and account-service's POS consumer's. */
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String EXCEPTION = "dead-letter-exception-class-name";
    static final String FROM_TOPIC = "dead-letter-topic";
    static final String FROM_PARTITION = "dead-letter-partition";
    static final String FROM_OFFSET = "dead-letter-offset";
    /** The record's value as shown: enough to recognise it, never a megabyte in a page. */
    static final int LONGEST_VALUE = 2_000;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How long the page waits for all the dead-letter topics together, not each. */
    private static final Duration PAGE_PATIENCE = Duration.ofSeconds(15);

    private final KafkaClients kafka;
    private final OperationsSettings settings;
    private final HandledDeadLetters handled;

    DeadLetters(KafkaClients kafka, OperationsSettings settings, HandledDeadLetters handled) {
        this.kafka = kafka;
        this.settings = settings;
        this.handled = handled;
    }

    /** One dead letter: where it is, when it was refused and why, what it holds (cut), and its mark. */
    public record DeadLetter(String topic, int partition, long offset, String at, String key, String reason,
                             String cause, String exception, String from, String value, boolean valueCut,
                             HandledDeadLetters.Handling handled) {
    }

    /**
     * A dead-letter topic's newest records; {@code exists} false when the topic is not there yet (nothing was ever
     * refused), {@code unreadable} when the broker did not hand it over in time (the page says so, not why: an
     * exception's message is for the log).
     */
    public record TopicLetters(String topic, boolean posSales, boolean exists, List<DeadLetter> letters,
                               boolean unreadable) {
        static TopicLetters unreadable(String topic, boolean posSales) {
            return new TopicLetters(topic, posSales, true, List.of(), true);
        }
    }

    /** Every dead-letter topic's newest records, all read within one deadline; never throws for the broker. */
    public List<TopicLetters> newest() {
        Instant deadline = Instant.now().plus(PAGE_PATIENCE);
        List<TopicLetters> topics = new ArrayList<>();
        try (Consumer<String, String> reading = kafka.consumer("console-dead-letters")) {
            for (String topic : settings.deadLetterTopics()) {
                topics.add(newest(reading, topic, deadline));
            }
        } catch (KafkaException e) {
            LOG.warnf("the dead-letter topics could not be read (%s)", e.getClass().getSimpleName());
            for (String topic : settings.deadLetterTopics().subList(topics.size(), settings.deadLetterTopics().size())) {
                topics.add(TopicLetters.unreadable(topic, topic.equals(settings.posSalesDeadLetterTopic())));
            }
        }
        return topics;
    }

    /**
     * Marks the dead letter at that place handled, for good, with the operator's name and reason.
     *
     * A dead letter marked already keeps its first mark, which is answered again: a form sent twice marks once.
     *
     * @throws InvalidInput when the topic is not a dead-letter topic or holds no record there
     * @throws IllegalStateException or {@link KafkaException} when the broker did not answer or keep the mark
     */
    public HandledDeadLetters.Handling markHandled(String topic, int partition, long offset, String operator,
                                                   String reason) {
        if (!settings.deadLetterTopics().contains(topic)) {
            throw new InvalidInput("topic", "invalid_topic");
        }
        HandledDeadLetters.Handling already = handled.of(topic, partition, offset);
        if (already != null) {
            return already;
        }
        if (!holds(topic, partition, offset)) {
            throw new InvalidInput("offset", "invalid_offset");
        }
        return handled.mark(topic, partition, offset, operator, reason, Instant.now());
    }

    /** Whether the topic holds a record at that place now (a dead letter to mark). */
    private boolean holds(String topic, int partition, long offset) {
        try (Consumer<String, String> reading = kafka.consumer("console-dead-letters")) {
            TopicPartition place = new TopicPartition(topic, partition);
            List<PartitionInfo> partitions = reading.partitionsFor(topic, PATIENCE);
            if (partitions == null || partitions.stream().noneMatch(info -> info.partition() == partition)) {
                return false;
            }
            long start = reading.beginningOffsets(List.of(place), PATIENCE).get(place);
            long end = reading.endOffsets(List.of(place), PATIENCE).get(place);
            return offset >= start && offset < end;
        }
    }

    private static Duration left(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new org.apache.kafka.common.errors.TimeoutException("the page's time to read the topics is spent");
        }
        return left;
    }

    private TopicLetters newest(Consumer<String, String> reading, String topic, Instant deadline) {
        boolean posSales = topic.equals(settings.posSalesDeadLetterTopic());
        try {
            List<PartitionInfo> partitions = reading.partitionsFor(topic, left(deadline));
            if (partitions == null || partitions.isEmpty()) {
                return new TopicLetters(topic, posSales, false, List.of(), false);
            }
            List<TopicPartition> places = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            List<DeadLetter> letters = readTails(reading, places, deadline).stream()
                    .sorted(Comparator.comparingLong((ConsumerRecord<String, String> record) -> record.timestamp())
                            .thenComparingLong(ConsumerRecord::offset).reversed())
                    .limit(settings.deadLettersShown()).map(this::letter).toList();
            return new TopicLetters(topic, posSales, true, letters, false);
        } catch (KafkaException e) {
            LOG.warnf("%s could not be read (%s)", topic, e.getClass().getSimpleName());
            return TopicLetters.unreadable(topic, posSales);
        }
    }

    /** The last records of each partition, up to the end each had when asked. */
    private List<ConsumerRecord<String, String>> readTails(Consumer<String, String> reading,
                                                           List<TopicPartition> places, Instant deadline) {
        reading.assign(places);
        Map<TopicPartition, Long> starts = reading.beginningOffsets(places, left(deadline));
        Map<TopicPartition, Long> ends = new HashMap<>(reading.endOffsets(places, left(deadline)));
        ends.entrySet().removeIf(end -> end.getValue() <= starts.get(end.getKey()));
        reading.assign(ends.keySet());
        ends.forEach((place, end) -> reading.seek(place, Math.max(starts.get(place),
                end - settings.deadLettersShown())));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        while (!ends.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : reading.poll(Duration.ofMillis(200))) {
                TopicPartition place = new TopicPartition(record.topic(), record.partition());
                if (ends.containsKey(place) && record.offset() < ends.get(place)) {
                    records.add(record);
                }
            }
            ends.keySet().removeIf(place -> reading.position(place) >= ends.get(place));
        }
        if (!ends.isEmpty()) {
            throw new KafkaException("the broker did not hand over the records in time");
        }
        return records;
    }

    private DeadLetter letter(ConsumerRecord<String, String> record) {
        String value = record.value() == null ? "" : record.value();
        boolean cut = value.length() > LONGEST_VALUE;
        String from = header(record, FROM_TOPIC) == null ? null : header(record, FROM_TOPIC) + " / "
                + header(record, FROM_PARTITION) + " / " + header(record, FROM_OFFSET);
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()).toString(), record.key(), header(record, REASON),
                header(record, CAUSE), header(record, EXCEPTION), from, cut ? value.substring(0, LONGEST_VALUE) : value,
                cut, handled.of(record.topic(), record.partition(), record.offset()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
