package dev.ardoise.events.reader;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.Actor;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny.Transaction;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A short account history applied by the service's own handler, with the reader's statements, in a transaction that
 * is rolled back: nothing is kept, but the classes and statements of the database path are loaded and prepared
 * before the first real event needs them (seconds on a busy machine). A rehearsal that fails is only logged: it
 * must never keep a reader from serving.
 */
final class Rehearsal {
    private static final Logger LOG = Logger.getLogger(Rehearsal.class);
    private static final UUID ACCOUNT = new UUID(0, 0);

    private Rehearsal() {
    }

    static Uni<Void> of(EventHandler handler) {
        return Panache.withTransaction(() -> Streams.lockedFor(List.of(ACCOUNT))
                        .chain(streams -> Multi.createFrom().iterable(history())
                                .onItem().call(event -> handler.apply(event)
                                        .chain(() -> Panache.getSession()).chain(session -> session.flush()))
                                .collect().last()
                                .chain(() -> ReaderPosition.start(ACCOUNT, 5, Instant.now()).persistAndFlush()))
                        .chain(() -> Panache.currentTransaction())
                        .invoke(Transaction::markForRollback)
                        .replaceWithVoid())
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("the reader's rehearsal failed (nothing was kept; the first event will be slower): %s",
                            e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private static List<RecordedEvent> history() {
        LocalDate today = LocalDate.now();
        String invoice = new UUID(0, 1).toString();
        List<AccountEvent> events = List.of(
                new AccountOpened("rehearsal", "Rehearsal", null, false, "en", "CAD"),
                new CreditLimitSet(new BigDecimal("100.00"), null),
                new SaleCharged("rehearsal", invoice, "REHEARSAL", new BigDecimal("10.00"), List.of(),
                        PaymentTerms.NET_30, today, today.plusDays(30), null, null, null, null),
                new DepositAdded("rehearsal", new BigDecimal("5.00"), DepositPurpose.OTHER, null),
                new PaymentReceived("rehearsal", new BigDecimal("10.00"), "CASH", null,
                        List.of(new Allocation(invoice, "REHEARSAL", new BigDecimal("10.00")))));
        EventMetadata metadata = new EventMetadata(Actor.system("rehearsal"), "rehearsal");
        List<RecordedEvent> history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            history.add(new RecordedEvent(UUID.randomUUID(), ACCOUNT, i + 1, Instant.now(), metadata, events.get(i)));
        }
        return history;
    }
}
