package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.BatchHandler;
import dev.ardoise.notification.config.StoreConfig;
import dev.ardoise.notification.persistence.Contacts;
import dev.ardoise.notification.persistence.Ledgers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * Inside the reader's transaction: keeps the customer's contact and consent, folds every event into the account's
 * ledger, and decides each invoice's email (the ledger keeps the balance and available credit just after its sale),
 * due once the sale's whole command is applied.
 * A batch is applied set-wise: its accounts' contacts, ledgers and decided invoices are loaded in a few queries, the
 * events folded in memory in order, and the changes written together; one event is a batch of one.
 */
@ApplicationScoped
class EventApplier implements BatchHandler {
    private final InvoiceNotifications invoices;
    private final Ledgers ledgers;
    private final String defaultStore;

    EventApplier(InvoiceNotifications invoices, Ledgers ledgers, StoreConfig store) {
        this.invoices = invoices;
        this.ledgers = ledgers;
        this.defaultStore = store.id();
    }

    @Override
    public Uni<Void> apply(RecordedEvent recorded) {
        return applyInOrder(List.of(recorded));
    }

    @Override
    public Uni<Void> applyInOrder(List<RecordedEvent> events) {
        List<UUID> accounts = events.stream().map(RecordedEvent::accountId).distinct().toList();
        return Contacts.of(accounts, defaultStore).chain(contacts -> ledgers.open(events)
                .chain(books -> invoices.open(events).chain(decisions -> {
                    for (RecordedEvent recorded : events) {
                        UUID accountId = recorded.accountId();
                        AccountEvent event = recorded.data();
                        contacts.apply(accountId, event);
                        books.apply(recorded);
                        if (event instanceof SaleCharged) {
                            decisions.decide(recorded, contacts.now(accountId));
                        }
                        decisions.applied(accountId, recorded.version());
                    }
                    return contacts.save().chain(books::save).chain(decisions::save);
                })))
                .call(EventApplier::written);
    }

    /** A write the database refuses fails this batch, as the reader expects, rather than its later flush. */
    private static Uni<Void> written() {
        return Panache.getSession().chain(Mutiny.Session::flush);
    }
}
