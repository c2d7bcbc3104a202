package dev.ardoise.notification.domain;

/**
 * Whether an invoice is emailed: only to a customer with an email address AND recorded consent.
 *
 * @param reason null when the invoice is to be sent
 */
public record InvoiceDecision(NotificationStatus status, SkipReason reason) {

    public static InvoiceDecision decide(CustomerContact contact) {
        if (contact == null || !contact.hasEmail()) {
            return skip(SkipReason.NO_EMAIL);
        }
        if (!contact.emailConsent()) {
            return skip(SkipReason.NO_CONSENT);
        }
        return new InvoiceDecision(NotificationStatus.PENDING, null);
    }

    private static InvoiceDecision skip(SkipReason reason) {
        return new InvoiceDecision(NotificationStatus.SKIPPED, reason);
    }

    public boolean toSend() {
        return status == NotificationStatus.PENDING;
    }
}
