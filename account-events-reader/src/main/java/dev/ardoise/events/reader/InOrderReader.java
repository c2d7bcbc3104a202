package dev.ardoise.events.reader;

import dev.ardoise.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Applies each account's events once and in order, the same way in every service that reads account-events.
 * <p>
 * In one transaction per record: lock the account's {@link ReaderPosition}; skip a version already applied;
 * apply the next one with the service's {@link EventHandler} and record its version; park an event that comes
 * before versions it follows (logged as an error, never skipped), then apply it when they have arrived. A record
 * that is not an account event fails at once, so that the channel's dead-letter strategy keeps it with its
 * reason. A good event is never dead-lettered: whatever else fails (the database away, the service stopping) is
 * retried with back-off for as long as it takes, holding back that partition; stopping the service meanwhile
 * leaves the record uncommitted, and it is read again on the next start.
 */
@ApplicationScoped
public class InOrderReader {
    private static final Logger LOG = Logger.getLogger(InOrderReader.class);

    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    InOrderReader(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Reads one record of account-events; to be returned from the service's {@code @Incoming} method. */
    public Uni<Void> consume(String body, EventHandler handler) {
        StreamEvent event;
        try {
            event = StreamEvent.read(body);
        } catch (MalformedEventException e) {
            LOG.errorf("dead-lettering a malformed record of account-events: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        SafeContext context = SafeContext.current();
        return Uni.createFrom().deferred(() -> context.run(() -> Panache.withTransaction(() -> read(event, handler))))
                .onFailure().invoke(e -> {
                    meters.counter("ardoise.reader.retries").increment();
                    LOG.errorf("could not apply %s, retrying until it can: %s", event, e.toString());
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_WAIT).indefinitely();
    }

    private Uni<Void> read(StreamEvent event, EventHandler handler) {
        // The row lock keeps a second consumer (during a rebalance) from applying the same version twice.
        return ReaderPosition.<ReaderPosition>findById(event.accountId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> found != null ? Uni.createFrom().item(found) : started(event.accountId()))
                .chain(position -> route(position, event, handler));
    }

    private Uni<ReaderPosition> started(UUID accountId) {
        ReaderPosition position = ReaderPosition.start(accountId, clock.instant());
        return position.persist().replaceWith(position);
    }

    private Uni<Void> route(ReaderPosition position, StreamEvent event, EventHandler handler) {
        Arrival arrival = Arrival.of(position.lastVersion, event.version());
        meters.counter("ardoise.reader.events", "arrival", arrival.name().toLowerCase()).increment();
        return switch (arrival) {
            case DUPLICATE -> skip(event);
            case GAP -> park(position, event);
            case NEXT -> applyInTurn(position, event, handler);
        };
    }

    private static Uni<Void> skip(StreamEvent event) {
        LOG.debugf("skipping %s: already applied", event);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> park(ReaderPosition position, StreamEvent event) {
        LOG.errorf("gap before %s: last applied version is %d; parked until the missing versions arrive",
                event, position.lastVersion);
        return ParkedEvent.find(event.accountId(), event.version())
                .chain(parked -> parked != null ? Uni.createFrom().voidItem()
                        : ParkedEvent.of(event.accountId(), event.version(), event.body(), clock.instant())
                                .persist().replaceWithVoid());
    }

    private Uni<Void> applyInTurn(ReaderPosition position, StreamEvent event, EventHandler handler) {
        return change(event, handler)
                .invoke(() -> position.advanceTo(event.version(), clock.instant()))
                .chain(() -> ParkedEvent.find(event.accountId(), event.version() + 1))
                .chain(parked -> parked == null ? Uni.createFrom().voidItem() : unpark(position, parked, handler));
    }

    private Uni<Void> unpark(ReaderPosition position, ParkedEvent parked, EventHandler handler) {
        StreamEvent next = StreamEvent.read(parked.body);
        LOG.infof("the gap before %s is filled: applying it", next);
        meters.counter("ardoise.reader.unparked").increment();
        return parked.delete().chain(() -> applyInTurn(position, next, handler));
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
