package dev.ardoise.events.reader;

import dev.ardoise.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * Applies each account's events once and in order, the same way in every service that reads account-events.
 * <p>
 * A poll's batch of records is applied in one transaction: lock the positions of its accounts; skip a version
 * already applied; apply the next one with the service's {@link EventHandler}; park an event that comes before
 * versions it follows (logged as an error, never skipped), then apply it when they have arrived; write the
 * positions with the changes. Records of one account keep their order (one partition). A record that is not an
 * account event is dead-lettered on its own, with its reason, by the channel's dead-letter strategy. A good event
 * is never dead-lettered: whatever else fails (the database away, the service stopping) rolls the batch back and
 * is retried with back-off for as long as it takes; stopping the service meanwhile leaves the batch uncommitted,
 * and it is read again on the next start.
 */
@ApplicationScoped
public class InOrderReader {
    private static final Logger LOG = Logger.getLogger(InOrderReader.class);

    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final Map<Arrival, Counter> arrivals = new EnumMap<>(Arrival.class);
    private final Counter unparked;
    private final Counter retries;
    private final DistributionSummary batchSizes;
    private final Clock clock = Clock.systemUTC();
    private final CaughtUp caughtUp;

    InOrderReader(MeterRegistry meters, @Readiness CaughtUp caughtUp) {
        this.caughtUp = caughtUp;
        for (Arrival arrival : Arrival.values()) {
            arrivals.put(arrival, meters.counter("ardoise.reader.events", "arrival", arrival.name().toLowerCase()));
        }
        unparked = meters.counter("ardoise.reader.unparked");
        retries = meters.counter("ardoise.reader.retries");
        batchSizes = meters.summary("ardoise.reader.batch.size");
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
        return applyUntilDone(context, byPartition.values(), handler)
                .chain(() -> deadLetter(context, malformed, reasons))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .invoke(() -> caughtUp.applied(batch));
    }

    /**
     * Each partition's events in a transaction of their own, side by side: an account's events are all in one
     * partition, so partitions share no account and need not wait for each other's round trips to the database.
     */
    private Uni<Void> applyUntilDone(SafeContext context, Collection<List<StreamEvent>> partitions,
                                     EventHandler handler) {
        if (partitions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> applied = partitions.stream().map(events -> {
            batchSizes.record(events.size());
            SafeContext own = SafeContext.fresh(context);
            return untilDone(Uni.createFrom().deferred(() -> own.run(() ->
                            Panache.withTransaction(() -> applyAll(events, handler)))),
                    "could not apply " + events.size() + " events from " + events.get(0));
        }).toList();
        return Uni.join().all(applied).andFailFast().replaceWithVoid();
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

    private Uni<Void> applyAll(List<StreamEvent> events, EventHandler handler) {
        return Streams.lockedFor(events.stream().map(StreamEvent::accountId).toList())
                .chain(streams -> Multi.createFrom().iterable(events)
                        .onItem().call(event -> route(streams, event, handler))
                        .collect().last()
                        .chain(() -> streams.save(clock.instant())));
    }

    private Uni<Void> route(Streams streams, StreamEvent event, EventHandler handler) {
        Arrival arrival = Arrival.of(streams.lastVersion(event.accountId()), event.version());
        arrivals.get(arrival).increment();
        return switch (arrival) {
            case DUPLICATE -> skip(event);
            case GAP -> park(streams, event);
            case NEXT -> applyInTurn(streams, event, handler);
        };
    }

    private static Uni<Void> skip(StreamEvent event) {
        LOG.debugf("skipping %s: already applied", event);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> park(Streams streams, StreamEvent event) {
        LOG.errorf("gap before %s: last applied version is %d; parked until the missing versions arrive",
                event, streams.lastVersion(event.accountId()));
        return streams.isParked(event) ? Uni.createFrom().voidItem()
                : streams.park(event, clock.instant()).chain(InOrderReader::flushed);
    }

    private Uni<Void> applyInTurn(Streams streams, StreamEvent event, EventHandler handler) {
        return change(event, handler)
                .chain(InOrderReader::flushed)
                .invoke(() -> streams.applied(event))
                .chain(() -> streams.unparkAfter(event.accountId(), event.version()))
                .chain(parked -> parked == null ? Uni.createFrom().voidItem()
                        : unparked(streams, StreamEvent.read(parked), handler));
    }

    private Uni<Void> unparked(Streams streams, StreamEvent next, EventHandler handler) {
        LOG.infof("the gap before %s is filled: applying it", next);
        unparked.increment();
        return applyInTurn(streams, next, handler);
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
