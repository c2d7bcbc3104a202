package dev.ardoise.benchmark;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.Histories;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A generated history (50 events per account, every event type) produced straight to account-events as fast as
 * the producer goes, then the time until each reader's live projection has every account at version 50.
 */
final class CatchUp {
    static final int EVENTS_PER_ACCOUNT = 50;
    /** At least 30 minutes; more for a history the live readers (~500 events/s each) need longer for. */
    private static final Duration LEAST_TIMEOUT = Duration.ofMinutes(30);

    private final Report report;
    private final List<UUID> accountIds = new ArrayList<>();

    CatchUp(Report report) {
        this.report = report;
    }

    List<UUID> accountIds() {
        return accountIds;
    }

    /** @param writer a Kafka client that may write account-events (the stack's admin stands in for the relay) */
    void run(Map<String, Object> writer, int events, DataSource invoices, DataSource notifications)
            throws SQLException {
        int accounts = events / EVENTS_PER_ACCOUNT;
        long start = System.nanoTime();
        long bytes = produce(writer, accounts);
        long produced = System.nanoTime() - start;
        int total = accounts * EVENTS_PER_ACCOUNT;
        report.line("%,d generated events (%,d accounts x %d, every event type; average record %,d bytes) produced "
                .formatted(total, accounts, EVENTS_PER_ACCOUNT, bytes / total)
                + "to `account-events` keyed by account id, while both services read. Elapsed from the first send.");
        report.line("");
        report.tableHead();
        report.row("events produced (acks=all, linger 5 ms)", total, produced, "events", null);
        Duration timeout = Duration.ofSeconds(Math.max(LEAST_TIMEOUT.toSeconds(), total / 250L));
        long[] caughtUp = awaitCaughtUp(start, timeout, invoices, notifications);
        report.row("invoice-service live projection: every account at version 50", total, caughtUp[0], "events", null);
        report.row("notification-service live reader: every account at version 50", total, caughtUp[1], "events", null);
    }

    private long produce(Map<String, Object> writer, int accounts) {
        long bytes = 0;
        try (KafkaProducer<String, String> producer = RawLimits.producer(writer)) {
            for (int index = 0; index < accounts; index++) {
                UUID accountId = UUID.randomUUID();
                accountIds.add(accountId);
                for (RecordedEvent event : Histories.history(accountId, index, EVENTS_PER_ACCOUNT)) {
                    ProducerRecord<String, String> record = AccountStream.record(event);
                    bytes += record.value().length();
                    producer.send(record);
                }
            }
            producer.flush();
        }
        return bytes;
    }

    /** Polls both readers' positions every second; the elapsed time since {@code start} when each was done. */
    private long[] awaitCaughtUp(long start, Duration timeout, DataSource invoices, DataSource notifications)
            throws SQLException {
        long[] done = {0, 0};
        long deadline = start + timeout.toNanos();
        for (int second = 1; done[0] == 0 || done[1] == 0; second++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not caught up in " + timeout + ": invoice-service at "
                        + applied(invoices) + ", notification-service at " + applied(notifications) + " events");
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            if (second % 30 == 0) {
                System.out.printf("[benchmark] %d s: invoice-service %,d, notification-service %,d of %,d events%n",
                        (System.nanoTime() - start) / 1_000_000_000, applied(invoices), applied(notifications),
                        target());
            }
            for (int reader = 0; reader < 2; reader++) {
                if (done[reader] == 0 && applied(reader == 0 ? invoices : notifications) == target()) {
                    done[reader] = System.nanoTime() - start;
                }
            }
        }
        return done;
    }

    private long target() {
        return (long) accountIds.size() * EVENTS_PER_ACCOUNT;
    }

    /** Events applied so far, over the generated accounts (their reader_position versions summed). */
    private long applied(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(sum(last_version), 0) FROM reader_position WHERE account_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", accountIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
