package dev.ardoise.invoice.projection;

import dev.ardoise.invoice.domain.Arrival;
import dev.ardoise.invoice.persistence.ParkedEvent;
import dev.ardoise.invoice.persistence.ProjectionProgress;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * Applies each account's events exactly once and in order. The last applied version is written in the same
 * transaction as the change; duplicates are skipped; an event that comes before the versions it follows is
 * parked, then applied when they have arrived.
 */
@ApplicationScoped
class Projector {
    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final EventApplier applier;
    private final Clock clock;
    private final MeterRegistry meters;

    Projector(EventApplier applier, Clock clock, MeterRegistry meters) {
        this.applier = applier;
        this.clock = clock;
        this.meters = meters;
    }

    Uni<Void> project(ReceivedEvent received) {
        return Panache.withTransaction(() -> progressOf(received.accountId())
                .flatMap(progress -> route(progress, received)));
    }

    // The row lock keeps a second consumer (during a rebalance) from applying the same version twice.
    private static Uni<ProjectionProgress> progressOf(UUID accountId) {
        return ProjectionProgress.<ProjectionProgress>findById(accountId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().continueWith(() -> ProjectionProgress.start(accountId));
    }

    private Uni<Void> route(ProjectionProgress progress, ReceivedEvent received) {
        Arrival arrival = Arrival.of(progress.lastVersion, received.version());
        count(arrival);
        return switch (arrival) {
            case DUPLICATE -> skip(received);
            case GAP -> park(progress, received);
            case NEXT -> applyInTurn(progress, received);
        };
    }

    private static Uni<Void> skip(ReceivedEvent received) {
        LOG.debugf("skipping %s: already applied", received);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> park(ProjectionProgress progress, ReceivedEvent received) {
        LOG.errorf("gap before %s: last applied version is %d; parked until the missing versions arrive",
                received, progress.lastVersion);
        return ParkedEvent.find(received.accountId(), received.version())
                .flatMap(parked -> parked != null ? Uni.createFrom().voidItem()
                        : ParkedEvent.of(received.accountId(), received.version(), received.body(), clock.instant())
                                .persist().replaceWithVoid());
    }

    private Uni<Void> applyInTurn(ProjectionProgress progress, ReceivedEvent received) {
        return applier.apply(received)
                .invoke(() -> progress.advanceTo(received.version(), clock.instant()))
                .flatMap(ignored -> progress.persist())
                .flatMap(ignored -> ParkedEvent.find(received.accountId(), received.version() + 1))
                .flatMap(parked -> parked == null ? Uni.createFrom().voidItem() : unpark(progress, parked));
    }

    private Uni<Void> unpark(ProjectionProgress progress, ParkedEvent parked) {
        ReceivedEvent next = ReceivedEvent.read(parked.body);
        LOG.infof("the gap before %s is filled: applying it", next);
        meters.counter("ardoise.projection.unparked").increment();
        return parked.delete().flatMap(ignored -> applyInTurn(progress, next));
    }

    private void count(Arrival arrival) {
        meters.counter("ardoise.projection.events", "arrival", arrival.name().toLowerCase()).increment();
    }
}
