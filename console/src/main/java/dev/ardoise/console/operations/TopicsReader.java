package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The console's one reader of the topics, on a thread of its own, with one consumer and no group (assigned every
 * partition, never committing): account-events for the live feed and the rates, pos-sale-results for the declines,
 * dead-letters.handled for the operators' marks.
 * <p>
 * When it takes a topic, it reads back the last hour of account-events and pos-sale-results (the offsets of an hour
 * ago, by timestamp), so a console started again still shows the hour, and dead-letters.handled from its start. Only
 * the records of account-events from the end it found on are new: those go to the feed. A topic that does not exist
 * yet is looked for again every few seconds. A record that is not an event is logged (where it is, never what it
 * holds) and passed. When the broker fails, it starts again with a new consumer, waiting longer each time.
 */
@ApplicationScoped
public class TopicsReader {
    private static final Logger LOG = Logger.getLogger(TopicsReader.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LOOK_FOR_MISSING_TOPICS = Duration.ofSeconds(2);
    private static final Duration LOOK_FOR_NEW_PARTITIONS = Duration.ofMinutes(1);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    private final OperationsSettings settings;
    private final Feed feed;
    private final Rates rates;
    private final HandledDeadLetters handled;
    private final FeedEvents events;
    private final ObjectMapper json;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Consumer<String, String> consumer;
    private volatile Thread thread;

    /** Per partition of account-events taken: the first offset that is new (to the feed), not read back. */
    private final Map<TopicPartition, Long> newFrom = new HashMap<>();
    /**
     * Per partition of account-events: the last offset the feed was given, kept across a failure, so that what was
     * published while the reader was away goes to the feed once it reads again instead of being taken as read back.
     */
    private final Map<TopicPartition, Long> lastFed = new HashMap<>();
    /** How long to wait before reading again after a failure: doubled each time, 1 s again once topics are taken. */
    private Duration retryIn = FIRST_PAUSE;
    /** The topics the broker said the console may not read, said once in the log. */
    private final Set<String> refused = new HashSet<>();

    TopicsReader(KafkaClients kafka, OperationsSettings settings, Feed feed, Rates rates, HandledDeadLetters handled,
                 StoresSeen stores, ObjectMapper json) {
        this.kafka = kafka;
        this.settings = settings;
        this.feed = feed;
        this.rates = rates;
        this.handled = handled;
        this.events = new FeedEvents(json, stores);
        this.json = json;
    }

    void start(@Observes StartupEvent starting) {
        thread = new Thread(this::run, "console-topics-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        stopped.countDown();
        Consumer<String, String> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    /** Whether the reader thread is there to read: false before start, after stop, or if it died. */
    public boolean alive() {
        Thread reader = thread;
        return reader != null && reader.isAlive() && running();
    }

    private void run() {
        while (running()) {
            try (Consumer<String, String> reading = kafka.consumer("console-topics-reader")) {
                consumer = reading;
                read(reading);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                failed(e);
            } finally {
                consumer = null;
                newFrom.clear();
            }
        }
    }

    /**
     * Any failure, the broker's or a bug's, leaves the feed not live and reads again later: the thread must not die
     * silently. The log says what failed and where, never a record's content (a Kafka message names brokers and
     * topics; another exception's message may quote data, so only its class and place are said).
     */
    private void failed(RuntimeException e) {
        feed.reading(false);
        String what = e instanceof KafkaException ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getName() + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        LOG.warnf("reading the topics failed (%s); reading again in %d s", what, retryIn.toSeconds());
        pause(retryIn);
        Duration doubled = retryIn.multipliedBy(2);
        retryIn = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    private void read(Consumer<String, String> reading) {
        rates.forget();
        Instant lookForTopics = Instant.MIN;
        while (running()) {
            Instant now = Instant.now();
            if (!now.isBefore(lookForTopics)) {
                boolean allTaken = take(reading, now);
                lookForTopics = now.plus(allTaken ? LOOK_FOR_NEW_PARTITIONS : LOOK_FOR_MISSING_TOPICS);
            }
            if (reading.assignment().isEmpty()) {
                pause(Duration.between(now, lookForTopics));
            } else {
                reading.poll(POLL).forEach(record -> handle(record, Instant.now()));
            }
        }
    }

    /** Takes the partitions of the wanted topics not taken yet; true when every wanted topic exists. */
    private boolean take(Consumer<String, String> reading, Instant now) {
        Set<TopicPartition> taken = new HashSet<>(reading.assignment());
        Set<TopicPartition> added = new HashSet<>();
        boolean allExist = true;
        for (String topic : List.of(settings.accountEventsTopic(), settings.posSaleResultsTopic(),
                settings.handledTopic())) {
            List<PartitionInfo> partitions = partitionsOf(reading, topic);
            allExist &= partitions != null && !partitions.isEmpty();
            if (partitions != null) {
                partitions.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .filter(partition -> !taken.contains(partition)).forEach(added::add);
            }
        }
        if (!added.isEmpty()) {
            taken.addAll(added);
            reading.assign(taken);
            placeAt(reading, added, now);
            retryIn = FIRST_PAUSE;
        }
        return allExist;
    }

    /** The topic's partitions; none when it does not exist, or when the console may not read it (said once). */
    private List<PartitionInfo> partitionsOf(Consumer<String, String> reading, String topic) {
        try {
            return reading.partitionsFor(topic, Duration.ofSeconds(10));
        } catch (AuthorizationException e) {
            if (refused.add(topic)) {
                LOG.errorf("the console may not read %s (%s): the dashboard goes without it until its principal "
                        + "is allowed (docs/security.md)", topic, e.getMessage());
            }
            return List.of();
        }
    }

    /** Where each newly taken partition is read from: an hour ago, or the start of the operators' marks. */
    private void placeAt(Consumer<String, String> reading, Set<TopicPartition> added, Instant now) {
        Map<TopicPartition, Long> hourAgo = new HashMap<>();
        Set<TopicPartition> marks = new HashSet<>();
        for (TopicPartition partition : added) {
            if (partition.topic().equals(settings.handledTopic())) {
                marks.add(partition);
            } else {
                hourAgo.put(partition, now.minus(HOUR).toEpochMilli());
            }
        }
        reading.seekToBeginning(marks);
        Map<TopicPartition, Long> ends = reading.endOffsets(hourAgo.keySet());
        Map<TopicPartition, OffsetAndTimestamp> starts = reading.offsetsForTimes(hourAgo);
        hourAgo.keySet().forEach(partition -> {
            OffsetAndTimestamp start = starts.get(partition);
            reading.seek(partition, start != null ? start.offset() : ends.get(partition));
            if (partition.topic().equals(settings.accountEventsTopic())) {
                newFrom.put(partition, firstNew(partition, ends.get(partition)));
            }
        });
        if (added.stream().anyMatch(partition -> partition.topic().equals(settings.accountEventsTopic()))) {
            LOG.infof("following %s (%d partitions), the last hour read back first", settings.accountEventsTopic(),
                    newFrom.size());
            feed.reading(true);
        }
    }

    /** The end found, or just after the last event fed before a failure: what came while the reader was away. */
    private long firstNew(TopicPartition partition, long end) {
        Long fed = lastFed.get(partition);
        return fed == null ? end : Math.min(fed + 1, end);
    }

    private void handle(ConsumerRecord<String, String> record, Instant now) {
        String topic = record.topic();
        if (topic.equals(settings.accountEventsTopic())) {
            accountEvent(record, now);
        } else if (topic.equals(settings.posSaleResultsTopic())) {
            posSaleResult(record, now);
        } else {
            handled.read(record.key(), record.value());
        }
    }

    private void accountEvent(ConsumerRecord<String, String> record, Instant now) {
        FeedEvent event;
        try {
            event = events.read(record);
        } catch (FeedEvents.NotAnEvent e) {
            LOG.warnf("%s partition %d offset %d is not an account event (%s): passed", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        rates.event(event.type(), record.timestamp(), now);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() >= newFrom.getOrDefault(partition, 0L)) {
            feed.publish(event);
            lastFed.put(partition, record.offset());
        }
    }

    /** A DECLINED answer of a register's sale counts as a decline; the rest (charged, rejected) does not. */
    private void posSaleResult(ConsumerRecord<String, String> record, Instant now) {
        JsonNode answer;
        try {
            answer = record.value() == null ? null : json.readTree(record.value());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !"DECLINED".equals(answer.path("outcome").asText())) {
            return;
        }
        rates.decline(PosRefusals.isSenderRefused(answer.path("reason").asText())
                ? Rates.Decline.SENDER_REFUSED : Rates.Decline.DECLINED, record.timestamp(), now);
    }

    private void pause(Duration duration) {
        try {
            stopped.await(Math.max(duration.toMillis(), 1), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }
}
