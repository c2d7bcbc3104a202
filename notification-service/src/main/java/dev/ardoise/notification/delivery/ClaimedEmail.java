package dev.ardoise.notification.delivery;

import dev.ardoise.notification.persistence.Notification;

import java.util.UUID;

/** What the sender needs of a claimed notification, copied out of the transaction that claimed it. */
record ClaimedEmail(UUID id, int attempt, String recipient, String customerName, String language, String currency,
                    String invoiceNumber, String invoice) {

    static ClaimedEmail of(Notification notification) {
        return new ClaimedEmail(notification.id, notification.attempts, notification.recipient,
                notification.customerName, notification.language, notification.currency,
                notification.invoiceNumber, notification.invoice);
    }
}
