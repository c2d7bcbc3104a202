package dev.ardoise.notification.domain;

/**
 * A reminder about one invoice, before or after its due date, every value written in the customer's language.
 *
 * @param overdue     true once the due date has passed
 * @param paymentLink null when there is none to offer
 */
public record ReminderEmail(String language, String subject, Store store, String customerName, String invoiceNumber,
                            String issuedOn, String total, String owed, String dueDate, boolean overdue,
                            String when, String paymentLink) {

    public boolean hasPaymentLink() {
        return paymentLink != null;
    }
}
