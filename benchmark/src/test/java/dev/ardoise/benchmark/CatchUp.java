package dev.ardoise.benchmark;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.localstack.LocalStack;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.Histories;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Each reader catching up on a complete backlog: both readers are stopped, a generated history (50 events per
 * account, every event type) is produced to account-events, then a reader is started and timed from its start
 * until every generated account is at version 50 in its {@code reader_position}. First invoice-service alone,
 * then notification-service alone (on the same backlog), then both together on a second backlog of the same size.
 */
final class CatchUp {
    static final int EVENTS_PER_ACCOUNT = 50;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final String INVOICES = "invoice-service";
    private static final String NOTIFICATIONS = "notification-service";

    private final Report report;
    private final LocalStack stack;
    private final Map<String, DataSource> databases;
    private final List<UUID> accountIds = new ArrayList<>();

    CatchUp(Report report, LocalStack stack, DataSource invoices, DataSource notifications) {
        this.report = report;
        this.stack = stack;
        this.databases = Map.of(INVOICES, invoices, NOTIFICATIONS, notifications);
    }

    /** Every generated account, for the rebuild's balance queries. */
    List<UUID> accountIds() {
        return accountIds;
    }

    /** @return events/s of invoice-service alone, notification-service alone, then each of both together */
    double[] run(Map<String, Object> writer, int events) throws Exception {
        report.tableHead();
        stack.stopService(INVOICES);
        stack.stopService(NOTIFICATIONS);
        List<UUID> first = produce(writer, events);
        double invoicesAlone = timed(INVOICES + " alone", first);
        double notificationsAlone = timed(NOTIFICATIONS + " alone", first);
        stack.stopService(INVOICES);
        stack.stopService(NOTIFICATIONS);
        List<UUID> second = produce(writer, events);
        long start = System.nanoTime();
        CompletableFuture<long[]> invoicesDone =
                CompletableFuture.supplyAsync(() -> startAndAwait(INVOICES, second, start));
        CompletableFuture<long[]> notificationsDone =
                CompletableFuture.supplyAsync(() -> startAndAwait(NOTIFICATIONS, second, start));
        long total = (long) second.size() * EVENTS_PER_ACCOUNT;
        report.row(INVOICES + ", both together: from both started until every account at version 50 (healthy after "
                + Latencies.seconds(invoicesDone.get()[1]) + ")", total, invoicesDone.get()[0], "events", null);
        report.row(NOTIFICATIONS + ", both together (healthy after " + Latencies.seconds(notificationsDone.get()[1])
                + ")", total, notificationsDone.get()[0], "events", null);
        return new double[] {invoicesAlone, notificationsAlone, Latencies.perSecond(total, invoicesDone.get()[0]),
                Latencies.perSecond(total, notificationsDone.get()[0])};
    }

    private double timed(String service, List<UUID> accounts) {
        String name = service.split(" ")[0];
        long start = System.nanoTime();
        long[] done = startAndAwait(name, accounts, start);
        long total = (long) accounts.size() * EVENTS_PER_ACCOUNT;
        report.row(service + ": from its start until every account at version 50 (healthy after %s)".formatted(
                Latencies.seconds(done[1])), total, done[0], "events", null);
        return Latencies.perSecond(total, done[0]);
    }

    /**
     * Starts the service (its start, until healthy, is part of the time: it may read before it is healthy), then
     * polls its reader_position. @return the elapsed time until caught up, and until healthy
     */
    private long[] startAndAwait(String service, List<UUID> accounts, long start) {
        stack.startService(service);
        long ready = System.nanoTime() - start;
        long target = (long) accounts.size() * EVENTS_PER_ACCOUNT;
        long deadline = start + TimeUnit.MINUTES.toNanos(30) + TimeUnit.MILLISECONDS.toNanos(target * 4);
        try {
            long applied;
            while ((applied = applied(databases.get(service), accounts)) < target) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(service + " applied " + applied + " of " + target + " events");
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long elapsed = System.nanoTime() - start;
        return new long[] {elapsed, ready};
    }

    private List<UUID> produce(Map<String, Object> writer, int events) {
        int accounts = Math.max(1, events / EVENTS_PER_ACCOUNT);
        List<UUID> produced = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = RawLimits.producer(writer)) {
            for (int index = 0; index < accounts; index++) {
                UUID accountId = UUID.randomUUID();
                produced.add(accountId);
                for (RecordedEvent event : Histories.history(accountId, index, EVENTS_PER_ACCOUNT)) {
                    ProducerRecord<String, String> record = AccountStream.record(event);
                    bytes += record.value().length();
                    producer.send(record);
                }
            }
            producer.flush();
        }
        long total = (long) accounts * EVENTS_PER_ACCOUNT;
        accountIds.addAll(produced);
        report.row("backlog produced while no reader reads (%,d accounts x %d, every event type, %,d bytes a record)"
                .formatted(accounts, EVENTS_PER_ACCOUNT, bytes / total), total, System.nanoTime() - start, "events",
                null);
        return produced;
    }

    /** Events applied so far over these accounts (their reader_position versions summed). */
    private static long applied(DataSource database, List<UUID> accounts) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(sum(last_version), 0) FROM reader_position WHERE account_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", accounts.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
