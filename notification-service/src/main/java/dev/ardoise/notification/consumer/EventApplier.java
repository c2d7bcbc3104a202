package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.EventHandler;
import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.persistence.Contact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Keeps the customer's contact and consent, and decides each invoice's email, inside the reader's transaction. */
@ApplicationScoped
class EventApplier implements EventHandler {
    private final InvoiceNotifications invoices;

    EventApplier(InvoiceNotifications invoices) {
        this.invoices = invoices;
    }

    @Override
    public Uni<Void> apply(RecordedEvent recorded) {
        UUID accountId = recorded.accountId();
        long version = recorded.version();
        AccountEvent event = recorded.data();
        if (event instanceof AccountOpened opened) {
            return keepContact(accountId, opened);
        }
        if (event instanceof SaleCharged sale) {
            return invoices.decide(accountId, sale);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> keepContact(UUID accountId, AccountOpened opened) {
        CustomerContact contact = new CustomerContact(opened.name(), opened.email(), opened.emailConsent(),
                opened.language(), opened.currency());
        return Contact.<Contact>findById(accountId).chain(found -> {
            if (found == null) {
                return Contact.of(accountId, contact).persist().replaceWithVoid();
            }
            found.update(contact);
            return Uni.createFrom().voidItem();
        });
    }
}
