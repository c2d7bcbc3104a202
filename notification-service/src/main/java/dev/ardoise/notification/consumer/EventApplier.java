package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.EventHandler;
import dev.ardoise.notification.config.StoreConfig;
import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.Ledgers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Inside the reader's transaction: keeps the customer's contact and consent, folds every event into the account's
 * ledger, and decides each invoice's email (the ledger keeps the balance and available credit just after its sale).
 */
@ApplicationScoped
class EventApplier implements EventHandler {
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
        UUID accountId = recorded.accountId();
        AccountEvent event = recorded.data();
        return keepContact(accountId, event)
                .chain(() -> ledgers.apply(accountId, event))
                .chain(ledger -> event instanceof SaleCharged sale
                        ? invoices.decide(accountId, sale)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> keepContact(UUID accountId, AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            CustomerContact contact = new CustomerContact(opened.name(), opened.email(), opened.emailConsent(),
                    opened.language(), opened.currency());
            String store = opened.storeId() == null ? defaultStore : opened.storeId();
            return Contact.<Contact>findById(accountId).chain(found -> {
                if (found == null) {
                    return Contact.of(accountId, contact, store).persist().replaceWithVoid();
                }
                found.update(contact);
                found.storeId = store;
                return Uni.createFrom().voidItem();
            });
        }
        if (event instanceof CustomerDetailsChanged changed) {
            return change(accountId, contact -> contact.detailsChanged(changed.name(), changed.email(),
                    changed.language()));
        }
        if (event instanceof EmailConsentGiven given) {
            return change(accountId, contact -> contact.consent(true, given.email()));
        }
        if (event instanceof EmailConsentWithdrawn withdrawn) {
            return change(accountId, contact -> contact.consent(false, withdrawn.email()));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> change(UUID accountId, java.util.function.Consumer<Contact> change) {
        return Contact.<Contact>findById(accountId).invoke(found -> {
            if (found != null) {
                change.accept(found);
            }
        }).replaceWithVoid();
    }
}
