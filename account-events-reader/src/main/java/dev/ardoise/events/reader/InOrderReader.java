package dev.ardoise.events.reader;

import dev.ardoise.events.MalformedEventException;
import dev.ardoise.events.RecordedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Applies each account's events once and in order, the same way in every service that reads account-events.
 * <p>
 * A poll's batch of records is applied in one transaction per partition (one for all when the batch is small):
 * lock the positions of its accounts; skip a version already applied; apply the next one with the service's
 * {@link EventHandler}; park an event that comes before versions it follows (logged as an error, never skipped),
 * then apply it when they have arrived; write the positions with the changes. Records of one account keep their
 * order (one partition). A record that is not an account event is dead-lettered on its own, with its reason, by the
 * channel's dead-letter strategy.
 * <p>
 * A good event is never dead-lettered, and one bad event stops only its own account. When the batch fails on an
 * event through the event's own fault ({@link FailureCause}), it is tried {@value #TRIES} times within a second or
 * two; then that event's account is parked ({@link ParkedAccount}: the event and the reason kept, one ERROR line,
 * the metrics), and the batch is applied again without it: the account's later events wait behind it, every other
 * account goes on, and the batch is acknowledged. An operator retries or skips the parked event
 * ({@link ParkedAccounts}). Any other failure (the database away, the service stopping) is nobody's fault: the batch
 * is rolled back and retried with back-off for as long as it takes, and nothing is parked; stopping the service
 * meanwhile leaves the batch uncommitted, and it is read again on the next start.
 */
@ApplicationScoped
public class InOrderReader {
    private static final Logger LOG = Logger.getLogger(InOrderReader.class);

    static final int TRIES = 3;
    /** Events of a batch, all partitions together, that are applied in one transaction rather than one each. */
    private static final int SMALL_BATCH = 100;
    /** Rows of one table the fast path's flush sends in one round trip. */
    private static final int WRITE_BATCH = 1000;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final Map<Arrival, Counter> arrivals = new EnumMap<>(Arrival.class);
    private final Counter unparked;
    private final Counter retries;
    private final Counter parkings;
    private final Counter setWise;
    private final Counter oneByOne;
    private final Counter setWiseFailed;
    private final AtomicLong parkedAccounts = new AtomicLong();
    private final AtomicLong waitingAccounts = new AtomicLong();
    private final AtomicBoolean waitingChanged = new AtomicBoolean();
    private final AtomicBoolean parkedCounted = new AtomicBoolean();
    private final DistributionSummary batchSizes;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;
    private final CaughtUp caughtUp;

    InOrderReader(MeterRegistry meters, @Readiness CaughtUp caughtUp) {
        this.caughtUp = caughtUp;
        for (Arrival arrival : Arrival.values()) {
            arrivals.put(arrival, meters.counter("ardoise.reader.events", "arrival", arrival.name().toLowerCase()));
        }
        unparked = meters.counter("ardoise.reader.unparked");
        retries = meters.counter("ardoise.reader.retries");
        parkings = meters.counter("ardoise.reader.parkings");
        setWise = meters.counter("ardoise.reader.batches", "applied", "set_wise");
        oneByOne = meters.counter("ardoise.reader.batches", "applied", "one_by_one");
        setWiseFailed = meters.counter("ardoise.reader.batches", "applied", "set_wise_failed");
        meters.gauge("ardoise.reader.parked.accounts", parkedAccounts);
        meters.gauge("ardoise.reader.waiting.accounts", waitingAccounts);
        batchSizes = meters.summary("ardoise.reader.batch.size");
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Reads one batch of account-events; to be returned from the service's {@code @Incoming} method. */
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch, EventHandler handler) {
        Map<Integer, List<StreamEvent>> byPartition = new TreeMap<>();
        List<KafkaRecord<String, String>> malformed = new ArrayList<>();
        List<MalformedEventException> reasons = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                StreamEvent event = StreamEvent.read(record.getPayload());
                byPartition.computeIfAbsent(record.getPartition(), partition -> new ArrayList<>()).add(event);
            } catch (MalformedEventException e) {
                malformed.add(record);
                reasons.add(e);
            }
        }
        SafeContext context = SafeContext.current();
        return countParkedOnce(context)
                .chain(() -> applyEach(context, byPartition.values(), handler))
                .chain(() -> waitingChanged.compareAndSet(true, false) ? countParked(SafeContext.fresh(context))
                        : Uni.createFrom().voidItem())
                .chain(() -> deadLetter(context, malformed, reasons))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .invoke(() -> caughtUp.applied(batch));
    }

    /**
     * Each partition's events in a transaction of their own, side by side: an account's events are all in one
     * partition, so partitions share no account and need not wait for each other's round trips to the database. A
     * small batch (live rates: a few events, spread over the partitions) is one transaction for all: each
     * transaction pays the reader's statements once, whatever its size, and side by side saves little on a few
     * events. Each account's events keep their order either way.
     */
    private Uni<Void> applyEach(SafeContext context, Collection<List<StreamEvent>> partitions,
                                EventHandler handler) {
        if (partitions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (partitions.size() > 1 && partitions.stream().mapToInt(List::size).sum() <= SMALL_BATCH) {
            partitions = List.of(partitions.stream().flatMap(List::stream).toList());
        }
        List<Uni<Void>> applied = partitions.stream().map(events -> {
            batchSizes.record(events.size());
            return applyPartition(SafeContext.fresh(context), events, handler, 1);
        }).toList();
        return Uni.join().all(applied).andFailFast().replaceWithVoid();
    }

    private Uni<Void> applyPartition(SafeContext own, List<StreamEvent> events, EventHandler handler, int attempt) {
        Uni<Void> once = transaction(own, () -> applyAll(events, handler, true))
                .onFailure(failure -> failure instanceof BatchNotApplied
                        && FailureCause.of(failure) == FailureCause.THE_EVENT)
                .recoverWithUni(failure -> {
                    setWiseFailed.increment();
                    LOG.infof("%s; applying the batch again one event at a time to find the event at fault",
                            failure.getMessage());
                    return transaction(own, () -> applyAll(events, handler, false));
                });
        return whileNobodysFault(once, "could not apply " + events.size() + " events from " + events.get(0))
                .onFailure(EventNotApplied.class).recoverWithUni(failure -> {
                    retries.increment();
                    if (attempt < TRIES) {
                        LOG.warnf("%s; trying again (%d of %d) before parking its account", failure.getMessage(),
                                attempt + 1, TRIES);
                        return own.runAfter(FIRST_RETRY.multipliedBy(attempt),
                                () -> applyPartition(own, events, handler, attempt + 1));
                    }
                    return park(own, (EventNotApplied) failure)
                            .chain(() -> applyPartition(own, events, handler, 1));
                });
    }

    private Uni<Void> deadLetter(SafeContext context, List<KafkaRecord<String, String>> records,
                                 List<MalformedEventException> reasons) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, String> record = records.get(i);
            MalformedEventException reason = reasons.get(i);
            LOG.errorf("dead-lettering a malformed record of account-events (partition %d): %s",
                    record.getPartition(), reason.getMessage());
            sent = sent.chain(() -> untilDone(Uni.createFrom().deferred(() -> context.run(() ->
                            Uni.createFrom().completionStage(() -> record.nack(reason)))),
                    "could not dead-letter a malformed record"));
        }
        return sent;
    }

    private <T> Uni<T> untilDone(Uni<T> work, String whatFailed) {
        return work.onFailure().invoke(e -> {
                    retries.increment();
                    LOG.errorf("%s, retrying until it can: %s", whatFailed, e.toString());
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_WAIT).indefinitely();
    }

    /** Retried with back-off for as long as it takes while the failure is nobody's fault; an event's fails. */
    <T> Uni<T> whileNobodysFault(Uni<T> work, String whatFailed) {
        return work.onFailure(this::isNobodysFault).invoke(e -> {
                    retries.increment();
                    LOG.errorf("%s, retrying until it can: %s", whatFailed, e.toString());
                })
                .onFailure(this::isNobodysFault).retry().withBackOff(FIRST_RETRY, LONGEST_WAIT).indefinitely();
    }

    private boolean isNobodysFault(Throwable failure) {
        return stopping || FailureCause.of(failure) == FailureCause.NOBODY;
    }

    static <T> Uni<T> transaction(SafeContext own, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> own.run(() -> Panache.withTransaction(work)));
    }

    private Uni<Void> applyAll(List<StreamEvent> events, EventHandler handler, boolean trySetWise) {
        return Streams.lockedFor(events.stream().map(StreamEvent::accountId).toList())
                .chain(streams -> trySetWise && handler instanceof BatchHandler batch && streams.allInTurn(events)
                        ? applySetWise(streams, events, batch)
                        : Multi.createFrom().iterable(events)
                        .onItem().call(event -> route(streams, event, handler, true))
                        .collect().last()
                        .chain(() -> streams.save(clock.instant()))
                        .invoke(() -> oneByOne.increment()));
    }

    /**
     * The fast path, when every event of the partition's batch is a duplicate or next in its account's turn: the
     * handler applies all the next ones in one call, their writes go out in batches with one flush, and the positions
     * in one statement. A failure of the handler's through the events' fault ({@link BatchNotApplied}) rolls it all
     * back, and the batch is applied again one event at a time, which parks only the account at fault.
     */
    private Uni<Void> applySetWise(Streams streams, List<StreamEvent> events, BatchHandler handler) {
        Map<Arrival, Integer> seen = new EnumMap<>(Arrival.class);
        List<RecordedEvent> next = new ArrayList<>();
        for (StreamEvent event : events) {
            Arrival arrival = Arrival.of(streams.lastVersion(event.accountId()), event.version());
            seen.merge(arrival, 1, Integer::sum);
            if (arrival == Arrival.NEXT) {
                streams.applied(event);
                event.event().ifPresentOrElse(next::add, () -> LOG.warnf(
                        "skipping %s knowingly: unknown event type, its version still counts", event));
            }
        }
        Uni<Void> applied = next.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().invoke(session -> session.setBatchSize(WRITE_BATCH))
                .chain(() -> handler.applyInOrder(next))
                .chain(() -> Panache.getSession()).chain(session -> session.flush())
                .onFailure().transform(e -> new BatchNotApplied(next.size(), e));
        return applied.chain(() -> streams.save(clock.instant()))
                .invoke(() -> {
                    seen.forEach((arrival, count) -> arrivals.get(arrival).increment(count));
                    setWise.increment();
                });
    }

    /**
     * Parks the account of the event that could not be applied, in a transaction of its own: one ERROR line with
     * the account, the version, the type and the reason (never the event's content: it may name the customer).
     */
    Uni<Void> park(SafeContext own, EventNotApplied failure) {
        StreamEvent event = failure.event();
        String reason = FailureCause.describe(failure.getCause());
        return untilDone(transaction(own, () -> Streams.lockedAlone(event.accountId())
                        .chain(streams -> streams.parkAccount(event, reason, clock.instant())
                                .call(parked -> streams.save(clock.instant())))),
                "could not park the account of " + event)
                .chain(parked -> {
                    if (!parked) {
                        return Uni.createFrom().voidItem();
                    }
                    parkings.increment();
                    LOG.errorf("parked account %s at version %d (%s): %s; its later events wait behind it until an "
                                    + "operator retries or skips it (GET /admin/parked-accounts)", event.accountId(),
                            event.version(), event.type(), reason);
                    return countParked(own);
                });
    }

    /**
     * Applies, one after the other in one transaction, the events waiting after the account's last applied version
     * (behind an event an operator just mended, or after a gap) up to the next parked one; parks the account at the
     * first that cannot be applied, and applies those before it.
     */
    Uni<Void> drain(SafeContext own, UUID accountId, EventHandler handler) {
        Uni<Void> once = transaction(own, () -> Streams.lockedAlone(accountId)
                .call(streams -> applyWaiting(streams, accountId, handler))
                .chain(streams -> streams.save(clock.instant())));
        return whileNobodysFault(once, "could not apply the events waiting for account " + accountId)
                .onFailure(EventNotApplied.class).recoverWithUni(failure -> park(own, (EventNotApplied) failure)
                        .chain(() -> drain(own, accountId, handler)));
    }

    private Uni<Void> applyWaiting(Streams streams, UUID accountId, EventHandler handler) {
        if (streams.lastVersion(accountId) + 1 == streams.parkedAt(accountId)) {
            return Uni.createFrom().voidItem();
        }
        return streams.takeNextWaiting(accountId).chain(next -> next == null ? Uni.createFrom().voidItem()
                : unparked(streams, next, handler, false).chain(() -> applyWaiting(streams, accountId, handler)));
    }

    /**
     * The gauges of parked accounts and of accounts waiting for a missing version, from the tables: right after each
     * parking or mending, after a batch that left events waiting or applied waiting ones, and at the start.
     */
    Uni<Void> countParked(SafeContext own) {
        return Uni.createFrom().deferred(() -> own.run(() -> Panache.withSession(() -> ParkedAccount.count()
                        .invoke(parkedAccounts::set)
                        .chain(WaitingAccount::count))))
                .invoke(waitingAccounts::set)
                .onFailure().invoke(e -> LOG.warnf("could not count the parked accounts: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> countParkedOnce(SafeContext context) {
        return parkedCounted.compareAndSet(false, true) ? countParked(SafeContext.fresh(context))
                : Uni.createFrom().voidItem();
    }

    /** Where an event goes, given where its account stands; an event an operator retries goes the same way. */
    Uni<Void> route(Streams streams, StreamEvent event, EventHandler handler, boolean withWaiting) {
        long parkedAt = streams.parkedAt(event.accountId());
        Arrival arrival = Arrival.of(streams.lastVersion(event.accountId()), event.version(), parkedAt);
        arrivals.get(arrival).increment();
        return switch (arrival) {
            case DUPLICATE -> skip(event, "already applied");
            case PARKED -> skip(event, "its account is parked at it");
            case BEHIND -> behind(streams, event, parkedAt);
            case GAP -> park(streams, event);
            case NEXT -> applyInTurn(streams, event, handler, withWaiting);
        };
    }

    private static Uni<Void> skip(StreamEvent event, String why) {
        LOG.debugf("skipping %s: %s", event, why);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> behind(Streams streams, StreamEvent event, long parkedAt) {
        LOG.debugf("%s waits behind version %d, where its account is parked", event, parkedAt);
        return streams.keepBehind(event, clock.instant()).chain(InOrderReader::flushed);
    }

    private Uni<Void> park(Streams streams, StreamEvent event) {
        LOG.errorf("gap before %s: last applied version is %d; parked until the missing versions arrive (or an "
                + "operator skips them: GET /admin/parked-accounts)", event, streams.lastVersion(event.accountId()));
        waitingChanged.set(true);
        return streams.isParked(event) ? Uni.createFrom().voidItem()
                : streams.park(event, clock.instant()).chain(InOrderReader::flushed);
    }

    private Uni<Void> applyInTurn(Streams streams, StreamEvent event, EventHandler handler, boolean withWaiting) {
        Uni<Void> applied = Uni.createFrom().deferred(() -> change(event, handler))
                .chain(InOrderReader::flushed)
                .onFailure().transform(e -> e instanceof EventNotApplied ? e : new EventNotApplied(event, e))
                .invoke(() -> streams.applied(event));
        if (!withWaiting) {
            return applied;
        }
        return applied.chain(() -> streams.unparkAfter(event.accountId(), event.version()))
                .chain(parked -> parked == null ? Uni.createFrom().voidItem()
                        : unparked(streams, StreamEvent.read(parked), handler, true));
    }

    private Uni<Void> unparked(Streams streams, StreamEvent next, EventHandler handler, boolean withWaiting) {
        LOG.infof("the wait before %s is over: applying it", next);
        unparked.increment();
        waitingChanged.set(true);
        return applyInTurn(streams, next, handler, withWaiting);
    }

    /**
     * Writes what the event changed and forgets the loaded rows, so that the next event of the batch reads the
     * database as this one left it, exactly as if it had a transaction of its own.
     */
    private static Uni<Void> flushed() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private static Uni<Void> change(StreamEvent event, EventHandler handler) {
        if (event.event().isEmpty()) {
            LOG.warnf("skipping %s knowingly: unknown event type, its version still counts", event);
            return Uni.createFrom().voidItem();
        }
        return handler.apply(event.event().get());
    }

    /** For a reader's queries: the last version applied for the account, 0 when none. */
    public static Uni<Long> lastVersion(UUID accountId) {
        return ReaderPosition.<ReaderPosition>findById(accountId)
                .map(position -> position == null ? 0L : position.lastVersion);
    }
}
