package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.domain.InvoiceDecision;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.Notification;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Records, for each on-account charge, whether its invoice is to be emailed (PENDING) or not (SKIPPED). */
@ApplicationScoped
class InvoiceNotifications {

    Uni<Void> decide(UUID accountId, SaleCharged sale) {
        return Notification.count("invoiceId = ?1 and kind = ?2", sale.invoiceId(), NotificationKind.INVOICE)
                .chain(existing -> existing > 0
                        ? Uni.createFrom().voidItem()
                        : Contact.<Contact>findById(accountId).chain(contact -> record(accountId, sale, contact)));
    }

    private static Uni<Void> record(UUID accountId, SaleCharged sale, Contact contact) {
        CustomerContact customer = contact == null ? null : contact.toContact();
        InvoiceDecision decision = InvoiceDecision.decide(customer);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.accountId = accountId;
        notification.invoiceId = sale.invoiceId();
        notification.invoiceNumber = sale.invoiceNumber();
        notification.kind = NotificationKind.INVOICE;
        // The address is kept only for emails that will be sent.
        notification.recipient = decision.toSend() ? customer.email() : null;
        notification.customerName = customer == null ? "" : customer.name();
        notification.language = customer == null ? "en" : customer.language();
        notification.currency = customer == null ? "CAD" : customer.currency();
        notification.invoice = AccountEventJson.writeData(sale);
        notification.decide(decision, Instant.now());
        return notification.persist().replaceWithVoid();
    }
}
