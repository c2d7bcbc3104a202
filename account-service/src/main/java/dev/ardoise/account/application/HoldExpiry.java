package dev.ardoise.account.application;

import dev.ardoise.account.eventstore.EventStore;
import dev.ardoise.events.Actor;
import dev.ardoise.events.EventMetadata;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the holds nobody captured or voided once they are past their expiry, appending CreditHoldExpired
 * (actor SYSTEM, "hold-expiry") so that readers see them end. Deciding never waits for it: a lapsed hold already
 * counts as released.
 */
@ApplicationScoped
public class HoldExpiry {
    private static final Logger LOG = Logger.getLogger(HoldExpiry.class);
    private static final int BATCH = 100;
    static final String PROCESS = "hold-expiry";

    private final Vertx vertx;
    private final EventStore eventStore;
    private final CreditAccounts accounts;
    private final HoldSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    HoldExpiry(Vertx vertx, EventStore eventStore, CreditAccounts accounts, HoldSettings settings, Clock clock) {
        this.vertx = vertx;
        this.eventStore = eventStore;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(settings.expiryCheckInterval().toMillis(), id -> expireLapsedHolds());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One pass over the lapsed holds; a pass still running makes the next tick skip. */
    void expireLapsedHolds() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        EventMetadata system = new EventMetadata(Actor.system(PROCESS), UUID.randomUUID().toString());
        eventStore.lapsedHolds(clock.instant(), BATCH)
                .onItem().transformToMulti(holds -> Multi.createFrom().iterable(holds))
                .onItem().transformToUniAndConcatenate(hold -> accounts.expireHold(hold.accountId(), hold.holdId(),
                                system)
                        .chain(outcome -> outcome.decision().events().isEmpty()
                                ? eventStore.forgetHold(hold.accountId(), hold.holdId())
                                : io.smallrye.mutiny.Uni.createFrom().voidItem())
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("could not expire hold %s of account %s: %s", hold.holdId(), hold.accountId(),
                                    e.getMessage());
                            return null;
                        }))
                .collect().last()
                .subscribe().with(done -> running.set(false), e -> {
                    running.set(false);
                    LOG.warnf("hold expiry pass failed, will retry: %s", e.getMessage());
                });
    }
}
