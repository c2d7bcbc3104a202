package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.delivery.SenderConfig;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.Notification;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Records, for each on-account charge, whether its invoice is to be emailed (PENDING) or not (SKIPPED), with the
 * consent the customer has at the time of the charge: a consent given later does not send it.
 */
@ApplicationScoped
class InvoiceNotifications {
    private final Clock clock;
    private final SenderConfig sender;

    InvoiceNotifications(Clock clock, SenderConfig sender) {
        this.clock = clock;
        this.sender = sender;
    }

    Uni<Void> decide(UUID accountId, SaleCharged sale) {
        return Notification.find(accountId, NotificationKind.INVOICE, sale.invoiceId())
                .chain(existing -> existing != null
                        ? Uni.createFrom().voidItem()
                        : Contact.<Contact>findById(accountId).chain(contact -> Notification.invoice(accountId,
                                sale.invoiceId(), sale.invoiceId(), sale.invoiceNumber(), AccountEventJson.writeData(sale),
                                contact == null ? null : contact.toContact(), clock.instant(), sender.invoiceDelay())
                                .persist().replaceWithVoid()));
    }
}
