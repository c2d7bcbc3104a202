package dev.ardoise.account.eventstore;

import dev.ardoise.account.eventstore.TopicTail.Published;
import dev.ardoise.events.AccountEventsTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Publishes the outbox to account-events one partition at a time: an account's rows always go to the partition
 * {@link OutboxPartitions} gives it, in outbox order, and only by the relay that holds that partition's lock.
 * <p>
 * A batch is one transaction: take the partition's lock ({@code pg_try_advisory_xact_lock(PARTITION_LOCKS, k)}),
 * read its oldest unpublished rows, send them with an idempotent acks=all producer, wait for every
 * acknowledgement, mark them published (delete them), commit. Each record carries its outbox position in a header.
 * <p>
 * Exactly once on the topic: a relay that stopped between send and commit (crash, lost connection, failed commit)
 * leaves rows on the topic but unmarked, always after the last record a committed batch wrote, since one relay at
 * a time writes a partition and waits for its acks before it commits. So a relay checks that no batch but its own
 * last committed one held the partition since: every batch that gets the lock takes the partition's next turn, a
 * PostgreSQL sequence ({@code outbox_relay_turns_k}: not rolled back with a failed batch, so a relay that died
 * still used its turn). If the turn is not the one after its own last committed batch's (it just took the
 * partition, another relay had it meanwhile, or its own last batch failed), it reads the partition backwards from
 * the end, marks the rows it finds there still unmarked as published without sending them again, and stops at the
 * first record already marked. Only then does it ask the broker anything before sending. It marks those rows, not
 * "every position up to the last one on the topic": positions are taken at insert but committed in any order, so
 * a row with a lower position may commit after higher ones were sent, and it must still be sent.
 * <p>
 * A row the producer or the broker refuses for what it is (too large, invalid: {@link #followsTheRecord}) would be
 * refused again at every turn, and would hold back every account of the partition. Its account is parked instead,
 * in the batch's transaction ({@link ParkedAccounts}): its later rows of the batch are not sent, later batches pass
 * its rows, and the rest of the batch is published and marked as usual. The producer refuses an oversized record
 * when it is handed over, before anything later is sent, so the account's order holds. A refusal by the broker
 * comes with the acknowledgements: a later row of that account in the same batch may then be on the topic ahead of
 * it (readers put it back in order by version: a gap waits for the missing event). Any other failure (a broker
 * away) fails the batch as before: nothing is parked, the batch is retried.
 */
final class OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    /** The header with the row's outbox position, on every record the relay writes. */
    static final String POSITION_HEADER = "ardoise-outbox-position";
    /**
     * The lock of relays that published the whole outbox under one lock: taken shared by this relay, so a relay
     * of that kind never publishes alongside (rolling upgrade), and holding it exclusively pauses every relay.
     */
    static final long RELAY_LOCK = 0x4172646f697365L;
    /** The first key of the partition locks {@code (PARTITION_LOCKS, partition)}, "Outb". */
    static final int PARTITION_LOCKS = 0x4f757462;
    private static final long UNKNOWN = -1;
    /** The sequence of a partition's turns. */
    static final String TURNS = "outbox_relay_turns_";
    /** A Kafka message is a few hundred characters; a longer one is cut, the table and the log stay small. */
    private static final int MAX_REASON = 1000;

    private final Pool pool;
    private final Producer<String, String> producer;
    private final TopicTail tail;
    private final int partitions;
    private final int batchSize;
    private final Counter published;
    private final Counter batches;
    private final Timer delays;
    private final Counter foundOnTopic;
    private final Counter parkings;
    /** Per partition: the turn of this relay's last committed batch, else UNKNOWN. */
    private final AtomicLongArray lastTurns;
    /** Per partition this relay publishes: how old its oldest unpublished row was when the last batch began. */
    private final AtomicLongArray lagMillis;
    private final Runnable beforeCommit;
    private final Runnable afterParking;

    OutboxPublisher(Pool pool, Producer<String, String> producer, TopicTail tail, int partitions, int batchSize,
                    MeterRegistry meters, Runnable afterParking) {
        this(pool, producer, tail, partitions, batchSize, meters, () -> {
        }, afterParking);
    }

    /**
     * @param beforeCommit runs after the acknowledgements and before the commit: a test's crash
     * @param afterParking runs after a batch that parked an account committed
     */
    OutboxPublisher(Pool pool, Producer<String, String> producer, TopicTail tail, int partitions, int batchSize,
                    MeterRegistry meters, Runnable beforeCommit, Runnable afterParking) {
        this.pool = pool;
        this.producer = producer;
        this.tail = tail;
        this.partitions = partitions;
        this.batchSize = batchSize;
        this.published = meters.counter("ardoise.outbox.published");
        this.batches = meters.counter("ardoise.outbox.batches");
        this.delays = Timer.builder("ardoise.outbox.delay")
                .description("from an event's occurred_at to the broker's acknowledgement of its record")
                .publishPercentileHistogram().register(meters);
        this.foundOnTopic = meters.counter("ardoise.outbox.found.on.topic");
        this.parkings = meters.counter("ardoise.relay.parked");
        this.lastTurns = new AtomicLongArray(partitions);
        this.lagMillis = new AtomicLongArray(partitions);
        this.beforeCommit = beforeCommit;
        this.afterParking = afterParking;
        for (int partition = 0; partition < partitions; partition++) {
            lastTurns.set(partition, UNKNOWN);
        }
        createTurns(pool, partitions);
    }

    int partitions() {
        return partitions;
    }

    /** The largest lag among the partitions this relay published last. */
    double lagSeconds() {
        long max = 0;
        for (int partition = 0; partition < partitions; partition++) {
            max = Math.max(max, lagMillis.get(partition));
        }
        return max / 1000.0;
    }

    /**
     * Publishes one batch of the partition if this relay gets its lock, blocking the calling thread; answers how
     * many of the partition's rows it took care of (sent, or found already on the topic).
     */
    int publishBatch(int partition) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = connection.begin().await().indefinitely();
            try {
                Long turn = turnIfLocked(connection, partition);
                Batch batch = turn != null ? publish(connection, partition, turn) : notMine(partition);
                tx.commit().await().indefinitely();
                if (turn != null) {
                    batches.increment();
                }
                published.increment(batch.sent());
                foundOnTopic.increment(batch.foundOnTopic());
                parked(batch.parked(), partition);
                return batch.rows();
            } catch (RuntimeException | Error e) {
                lastTurns.set(partition, UNKNOWN);
                rollBack(tx);
                throw e;
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }

    /**
     * What a batch did: rows of the partition it took, how many it sent, how many it found already sent, the
     * accounts it parked.
     */
    private record Batch(int rows, int sent, int foundOnTopic, List<ParkedAccounts.Parking> parked) {
        static final Batch NONE = new Batch(0, 0, 0, List.of());
    }

    /** One ERROR line per parking, once it is committed: operators act on it (GET /admin/parked-accounts). */
    private void parked(List<ParkedAccounts.Parking> parked, int partition) {
        for (ParkedAccounts.Parking parking : parked) {
            LOG.errorf("outbox relay parked account %s at version %d (%s, outbox position %d, partition %d): %s; "
                            + "its later events wait until an operator retries or skips it",
                    parking.accountId(), parking.version(), parking.type(), parking.position(), partition,
                    parking.reason());
        }
        if (!parked.isEmpty()) {
            parkings.increment(parked.size());
            afterParking.run();
        }
    }

    private Batch notMine(int partition) {
        lagMillis.set(partition, 0);
        lastTurns.set(partition, UNKNOWN);
        return Batch.NONE;
    }

    /**
     * The partition's next turn if this relay gets its lock, else null; in the same round trip, the planner settings
     * of {@link #unpublished}.
     */
    private static Long turnIfLocked(SqlConnection connection, int partition) {
        // PostgreSQL cannot estimate how many rows the partition filter keeps, and by default reads every unpublished
        // row and sorts them (bitmap scan): the cost of each batch would grow with the backlog. Walking the index of
        // unpublished rows in position order stops once the batch is full.
        return connection.preparedQuery("""
                        select case when pg_try_advisory_xact_lock_shared($1::bigint)
                                      and pg_try_advisory_xact_lock($2::int, $3::int)
                                    then nextval($4::text::regclass) end as turn,
                               set_config('enable_bitmapscan', 'off', true) as bitmapscan,
                               set_config('enable_seqscan', 'off', true) as seqscan""")
                .execute(Tuple.of(RELAY_LOCK, PARTITION_LOCKS, partition, TURNS + partition)).await().indefinitely()
                .iterator().next().getLong("turn");
    }

    /** Makes the partitions' turn sequences that do not exist yet (the topic's partitions are known only now). */
    private static void createTurns(Pool pool, int partitions) {
        pool.withTransaction(tx -> {
            // two instances starting at once would both create a sequence: the second would fail
            var creations = tx.preparedQuery("select pg_advisory_xact_lock($1::int, -1)")
                    .execute(Tuple.of(PARTITION_LOCKS)).replaceWithVoid();
            for (int partition = 0; partition < partitions; partition++) {
                String create = "create sequence if not exists " + TURNS + partition;
                creations = creations.chain(() -> tx.query(create).execute()).replaceWithVoid();
            }
            return creations;
        }).await().indefinitely();
    }

    private Batch publish(SqlConnection connection, int partition, long turn) {
        List<Row> batch = unpublished(connection, partition);
        lagMillis.set(partition, batch.isEmpty() ? 0
                : Duration.between(batch.get(0).getOffsetDateTime("occurred_at").toInstant(), Instant.now()).toMillis());
        boolean alone = lastTurns.get(partition) != UNKNOWN && turn == lastTurns.get(partition) + 1;
        // Set now, used only if the commit succeeds: a failure resets it to UNKNOWN.
        lastTurns.set(partition, turn);
        if (batch.isEmpty()) {
            return Batch.NONE;
        }
        Set<Long> onTopic = alone ? Set.of() : alreadyOnTopic(connection, partition, tail.end(partition));
        List<Row> toSend = batch.stream().filter(row -> !onTopic.contains(row.getLong("position"))).toList();
        Sent sent = toSend.isEmpty() ? new Sent(List.of(), List.of()) : sendAndAwaitAcks(toSend, partition);
        List<Long> published = new ArrayList<>(onTopic);
        published.addAll(sent.positions());
        markPublished(connection, published);
        sent.parked().forEach(parking -> ParkedAccounts.park(connection, parking));
        beforeCommit.run();
        return new Batch(batch.size(), sent.positions().size(), onTopic.size(), sent.parked());
    }

    private List<Row> unpublished(SqlConnection connection, int partition) {
        List<Row> rows = new ArrayList<>();
        connection.preparedQuery("""
                        select position, event_id, account_id, version, event_type, body, occurred_at
                        from outbox where published_at is null and %s = $2
                          and not exists (select 1 from outbox_parked_account parked
                                          where parked.account_id = outbox.account_id)
                        order by position limit $3""".formatted(OutboxPartitions.SQL))
                .execute(Tuple.of(partitions, partition, batchSize)).await().indefinitely()
                .forEach(rows::add);
        return rows;
    }

    /**
     * The unmarked rows a relay that stopped before its commit left on the topic: walking back from the end of
     * the partition, every record whose row is still unpublished, up to the first record that is not.
     */
    private Set<Long> alreadyOnTopic(SqlConnection connection, int partition, long end) {
        Set<Long> found = new HashSet<>();
        long start = tail.start(partition);
        long to = end;
        // Usually the last record is already marked (a clean hand-over): read 1 record, then 2, 4... up to a batch.
        long chunk = 1;
        while (to > start) {
            long from = Math.max(start, to - chunk);
            chunk = Math.min(chunk * 2, batchSize);
            List<Published> records = tail.read(partition, from, to);
            Set<Published> unmarked = unmarked(connection, records);
            for (int i = records.size() - 1; i >= 0; i--) {
                if (!unmarked.contains(records.get(i))) {
                    return logged(found, partition);
                }
                found.add(records.get(i).position());
            }
            to = from;
        }
        return logged(found, partition);
    }

    private static Set<Long> logged(Set<Long> found, int partition) {
        if (!found.isEmpty()) {
            LOG.infof("partition %d: %d events were already on the topic, marked published without sending them again",
                    partition, found.size());
        }
        return found;
    }

    private static Set<Published> unmarked(SqlConnection connection, List<Published> records) {
        Long[] positions = records.stream().map(Published::position).toArray(Long[]::new);
        Set<Published> unmarked = new HashSet<>();
        connection.preparedQuery("select position, event_id from outbox where position = any($1) and published_at is null")
                .execute(Tuple.of(positions)).await().indefinitely()
                .forEach(row -> unmarked.add(new Published(row.getLong("position"), row.getUUID("event_id"))));
        return unmarked;
    }

    /**
     * A published row leaves the outbox (the topic keeps the record, the event store the event): a delete writes
     * less than an update, which copies the row and its primary key entry, and the table stays the size of the backlog.
     */
    private static void markPublished(SqlConnection connection, Collection<Long> positions) {
        if (!positions.isEmpty()) {
            connection.preparedQuery("delete from outbox where position = any($1)")
                    .execute(Tuple.of(positions.toArray(Long[]::new))).await().indefinitely();
        }
    }

    /** What a batch sent: the positions the broker acknowledged, the accounts parked. */
    private record Sent(List<Long> positions, List<ParkedAccounts.Parking> parked) {
    }

    /**
     * Sends the rows and waits for every acknowledgement. A row refused for what it is parks its account, whose later
     * rows are then not sent; any other failure fails the batch.
     */
    private Sent sendAndAwaitAcks(List<Row> rows, int partition) {
        List<Row> handedOver = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Map<UUID, ParkedAccounts.Parking> parked = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Row row : rows) {
            if (parked.containsKey(row.getUUID("account_id"))) {
                continue;
            }
            try {
                Future<RecordMetadata> ack = producer.send(toRecord(row, partition));
                Throwable refused = refusedAtOnce(ack);
                if (refused != null) {
                    park(parked, row, refused);
                    continue;
                }
                handedOver.add(row);
                acks.add(ack);
            } catch (RuntimeException e) {
                if (followsTheRecord(e)) {
                    park(parked, row, e);
                    continue;
                }
                failure = new IllegalStateException("the producer did not take the batch", e);
                break;
            }
        }
        // Waits for all of them even after a failure, so that none is still on its way once the lock is released.
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                positions.add(handedOver.get(i).getLong("position"));
                delays.record(Duration.between(handedOver.get(i).getOffsetDateTime("occurred_at").toInstant(),
                        Instant.now()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure
                        : new IllegalStateException("interrupted while the broker acknowledged the batch", e);
            } catch (ExecutionException e) {
                if (followsTheRecord(e.getCause())) {
                    park(parked, handedOver.get(i), e.getCause());
                } else {
                    failure = failure != null ? failure
                            : new IllegalStateException("the broker did not take the batch", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Sent(positions, List.copyOf(parked.values()));
    }

    /** The producer's refusal of a record it checked as it was handed over (its size), else null. */
    private static Throwable refusedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return followsTheRecord(e.getCause()) ? e.getCause() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Whether sending the record again cannot help: it is too large for the producer or the topic, the broker finds
     * it invalid, or it cannot be serialised. Not a broker that is away, a leader that moved or a timeout.
     */
    static boolean followsTheRecord(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    private static void park(Map<UUID, ParkedAccounts.Parking> parked, Row row, Throwable refused) {
        UUID account = row.getUUID("account_id");
        String reason = refused.getClass().getSimpleName() + ": " + refused.getMessage();
        parked.putIfAbsent(account, new ParkedAccounts.Parking(account, row.getLong("position"), row.getLong("version"),
                row.getString("event_type"), reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
    }

    private static ProducerRecord<String, String> toRecord(Row row, int partition) {
        UUID accountId = row.getUUID("account_id");
        ProducerRecord<String, String> record = new ProducerRecord<>(AccountEventsTopic.NAME, partition,
                accountId.toString(), row.getString("body"));
        AccountEventsTopic.headers(row.getUUID("event_id"), row.getString("event_type"), accountId,
                        row.getOffsetDateTime("occurred_at").toInstant())
                .forEach((name, value) -> record.headers().add(header(name, value)));
        record.headers().add(header(POSITION_HEADER, Long.toString(row.getLong("position"))));
        return record;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void rollBack(Transaction tx) {
        try {
            tx.rollback().await().indefinitely();
        } catch (RuntimeException e) {
            LOG.debugf("rollback failed (the connection is gone, which rolls back too): %s", e.getMessage());
        }
    }
}
