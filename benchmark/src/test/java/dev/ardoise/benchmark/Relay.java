package dev.ardoise.benchmark;

import dev.ardoise.events.AccountEventsTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The outbox relay: (a) a backlog made while every relay is paused (the benchmark holds the relays' advisory lock
 * exclusively, as OutboxPublisher documents), then timed from its release until account-events' end offsets have
 * grown by the backlog's events; (b) under light load, how soon a charge's event is on the topic.
 */
final class Relay {
    /** account-service's OutboxPublisher.RELAY_LOCK: held exclusively, it pauses every relay. */
    static final long RELAY_LOCK = 0x4172646f697365L;
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Report report;
    private final DataSource accountsDatabase;
    private final Map<String, Object> admin;

    Relay(Report report, DataSource accountsDatabase, Map<String, Object> admin) {
        this.report = report;
        this.accountsDatabase = accountsDatabase;
        this.admin = admin;
    }

    /** @return events/s from the release until the topic holds the whole backlog */
    double backlog(Charges charges, int backlogCharges, int maxInFlight) throws SQLException {
        try (Connection lock = accountsDatabase.getConnection(); Statement statement = lock.createStatement();
             KafkaConsumer<String, String> topic = consumer()) {
            List<TopicPartition> partitions = partitions(topic);
            statement.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            long eventsBefore = count(statement);
            long charging = System.nanoTime();
            OpenLoop.Result made = OpenLoop.run(1_000_000, Duration.ofNanos(backlogCharges * 1_000L), maxInFlight,
                    charges::charge);
            long chargingElapsed = System.nanoTime() - charging;
            long backlog = count(statement) - eventsBefore;
            long endsBefore = ends(topic, partitions);
            long released = System.nanoTime();
            statement.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
            long published;
            while ((published = ends(topic, partitions) - endsBefore) < backlog) {
                if (System.nanoTime() - released > TIMEOUT_NANOS) {
                    throw new AssertionError("the relay published " + published + " of " + backlog + " events");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            long elapsed = System.nanoTime() - released;
            report.row("backlog made while the relays were paused (%,d charges, %,d accepted, as fast as %d in flight allow)"
                    .formatted(backlogCharges, made.accepted(), maxInFlight), backlog, chargingElapsed, "events", null);
            report.row("relay: the backlog from the lock's release to the topic's end offsets (polled every 5 ms)",
                    backlog, elapsed, "events", null);
            return Latencies.perSecond(backlog, elapsed);
        }
    }

    /**
     * Charges at {@code rate} for {@code duration}, each on an account of its own, while a consumer reads the topic
     * from its end: answer to record seen, and the event's {@code occurredAt} ({@code ce_time}) to the record's
     * timestamp (the relay's producer stamps it when it sends).
     */
    void lag(Shop shop, List<Shop.Account> accounts, double rate, Duration duration) throws InterruptedException {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Set<String> charged = ConcurrentHashMap.newKeySet();
        Latencies seen = new Latencies();
        Latencies stamped = new Latencies();
        AtomicBoolean reading = new AtomicBoolean(true);
        int expected = (int) Math.min(accounts.size(), Math.round(rate * duration.toSeconds()));
        try (KafkaConsumer<String, String> topic = consumer()) {
            List<TopicPartition> partitions = partitions(topic);
            topic.seekToEnd(partitions);
            partitions.forEach(topic::position);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        if (charged.contains(record.key()) && "SaleCharged".equals(header(record,
                                AccountEventsTopic.HEADER_TYPE))) {
                            Long answer = answered.get(record.key());
                            seen.add(answer == null ? 0 : Math.max(0, now - answer));
                            Instant occurred = Instant.parse(header(record, AccountEventsTopic.HEADER_TIME));
                            stamped.add(TimeUnit.MILLISECONDS.toNanos(record.timestamp() - occurred.toEpochMilli()));
                        }
                    }
                }
            }, "account-events-reader");
            reader.start();
            try {
                SplittableRandom random = new SplittableRandom(3);
                OpenLoop.run(rate, duration, 8, i -> {
                    Shop.Account account = accounts.get((int) (i % accounts.size()));
                    charged.add(account.id());
                    return shop.charge(account, shop.register(account, random), random).thenApply(answer -> {
                        answered.put(account.id(), System.nanoTime());
                        return Shop.outcome(answer);
                    });
                });
                long waiting = System.nanoTime();
                while (seen.count() < expected && System.nanoTime() - waiting < TimeUnit.SECONDS.toNanos(30)) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
            } finally {
                reading.set(false);
                reader.join();
            }
        }
        report.row("charge answered -> its SaleCharged record read from account-events (%,.0f charges/s, each on its own account)"
                .formatted(rate), seen.count(), duration.toNanos(), "events", seen);
        report.row("event occurredAt -> record timestamp (the relay's send; ms resolution)", stamped.count(),
                duration.toNanos(), "events", stamped);
    }

    private KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(admin, new StringDeserializer(),
                new StringDeserializer());
        consumer.assign(partitions(consumer));
        return consumer;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(AccountEventsTopic.NAME).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
    }

    private static long ends(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private static long count(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM account_events")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
