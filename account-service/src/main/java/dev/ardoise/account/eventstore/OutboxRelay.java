package dev.ardoise.account.eventstore;

import dev.ardoise.events.AccountEventsTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to {@code account-events}, oldest first, on its own thread.
 * <p>
 * Each batch runs in one transaction: take the relay lock (a transaction-scoped advisory lock, so that when
 * several instances run only one publishes at a time and per-account order holds), read unpublished rows,
 * send them and wait for the broker's acknowledgements (acks=all, idempotent producer), then mark them
 * published and commit. A crash before the commit leaves the rows unpublished and they are sent again:
 * consumers see a duplicate (same event id and version) and skip it. Nothing is lost and nothing is invented.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** An arbitrary key that names the relay lock for pg_try_advisory_xact_lock. */
    static final long RELAY_LOCK = 0x4172646f697365L;

    private final Pool pool;
    private final Producer<String, String> producer;
    private final Duration pollInterval;
    private final int batchSize;
    private final Counter published;
    private final Counter failedBatches;
    /** How old the oldest unpublished event was when the last batch began; zero when the outbox was empty. */
    private final AtomicLong lagMillis = new AtomicLong();
    private ScheduledExecutorService thread;

    OutboxRelay(Pool pool, Producer<String, String> producer, MeterRegistry meters,
                @ConfigProperty(name = "ardoise.outbox.poll-interval") Duration pollInterval,
                @ConfigProperty(name = "ardoise.outbox.batch-size") int batchSize) {
        this.pool = pool;
        this.producer = producer;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.published = meters.counter("ardoise.outbox.published");
        this.failedBatches = meters.counter("ardoise.outbox.failed.batches");
        meters.gauge("ardoise.outbox.lag.seconds", lagMillis, lag -> lag.get() / 1000.0);
    }

    void start(@Observes StartupEvent startup) {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        thread.schedule(this::relay, 0, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    private void relay() {
        int published = 0;
        try {
            published = publishBatch();
        } catch (RuntimeException e) {
            failedBatches.increment();
            LOG.warnf("outbox relay could not publish a batch, will retry: %s", e.getMessage());
        }
        if (!thread.isShutdown()) {
            long delay = published == batchSize ? 0 : pollInterval.toMillis();
            thread.schedule(this::relay, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes one batch, blocking the relay thread; answers how many events it published. */
    int publishBatch() {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction tx = connection.begin().await().indefinitely();
        try {
            int published = holdsRelayLock(connection) ? publish(connection) : 0;
            tx.commit().await().indefinitely();
            return published;
        } catch (RuntimeException e) {
            tx.rollback().await().indefinitely();
            throw e;
        } finally {
            connection.close().await().indefinitely();
        }
    }

    private static boolean holdsRelayLock(SqlConnection connection) {
        return connection.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ") as locked")
                .execute().await().indefinitely()
                .iterator().next().getBoolean("locked");
    }

    private int publish(SqlConnection connection) {
        List<Row> batch = new ArrayList<>();
        connection.preparedQuery("""
                        select position, event_id, account_id, event_type, body, occurred_at
                        from outbox where published_at is null order by position limit $1""")
                .execute(Tuple.of(batchSize)).await().indefinitely()
                .forEach(batch::add);
        lagMillis.set(batch.isEmpty() ? 0
                : Duration.between(batch.get(0).getOffsetDateTime("occurred_at").toInstant(), Instant.now()).toMillis());
        if (batch.isEmpty()) {
            return 0;
        }
        sendAndAwaitAcks(batch);
        published.increment(batch.size());
        Long[] positions = batch.stream().map(row -> row.getLong("position")).toArray(Long[]::new);
        connection.preparedQuery("update outbox set published_at = now() where position = any($1)")
                .execute(Tuple.of(positions)).await().indefinitely();
        return batch.size();
    }

    private void sendAndAwaitAcks(List<Row> batch) {
        List<Future<RecordMetadata>> acks = batch.stream().map(row -> producer.send(toRecord(row))).toList();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the broker acknowledged the batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the broker did not take the batch", e.getCause());
            }
        }
    }

    private static ProducerRecord<String, String> toRecord(Row row) {
        UUID accountId = row.getUUID("account_id");
        ProducerRecord<String, String> record =
                new ProducerRecord<>(AccountEventsTopic.NAME, accountId.toString(), row.getString("body"));
        AccountEventsTopic.headers(row.getUUID("event_id"), row.getString("event_type"), accountId,
                        row.getOffsetDateTime("occurred_at").toInstant())
                .forEach((name, value) -> record.headers()
                        .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }
}
