package dev.ardoise.notification.delivery;

import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.persistence.Notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the sender needs of a claimed notification, copied out of the transaction that claimed it, with the
 * customer's contact and what the invoice still owes as they are right before sending.
 *
 * @param invoice  the SaleCharged JSON; null for a statement
 * @param owedNow  what the invoice still owes (for the payment link); null for a statement
 * @param after    the account just after the invoice's sale; null for a statement
 */
public record ClaimedEmail(UUID id, int attempt, NotificationKind kind, UUID accountId, String recipient,
                           String customerName, String language, String currency, String invoiceNumber,
                           String invoice, BigDecimal owedNow, AccountFigures after, Integer offsetDays,
                           LocalDate periodFrom, LocalDate periodTo) {

    static ClaimedEmail of(Notification notification, BigDecimal owedNow, AccountFigures after) {
        return new ClaimedEmail(notification.id, notification.attempts, notification.kind, notification.accountId,
                notification.recipient, notification.customerName, notification.language, notification.currency,
                notification.invoiceNumber, notification.invoice, owedNow, after, notification.offsetDays,
                notification.periodFrom, notification.periodTo);
    }

    /** A rendering that is not going to be sent (the preview). */
    public static ClaimedEmail preview(NotificationKind kind, UUID accountId, String recipient, String customerName,
                                       String language, String currency, String invoiceNumber, String invoice,
                                       BigDecimal owedNow, AccountFigures after, Integer offsetDays,
                                       LocalDate periodFrom, LocalDate periodTo) {
        return new ClaimedEmail(null, 0, kind, accountId, recipient, customerName, language, currency,
                invoiceNumber, invoice, owedNow, after, offsetDays, periodFrom, periodTo);
    }
}
