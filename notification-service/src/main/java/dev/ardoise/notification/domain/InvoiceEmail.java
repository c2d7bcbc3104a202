package dev.ardoise.notification.domain;

import java.util.List;

/**
 * An invoice email ready to be laid out by a template: every value already written in the customer's language.
 *
 * @param language       the language's code ("fr" or "en"), which picks the template
 * @param terms          the payment terms in words, e.g. "Net 30 days" or "Payable à la réception"
 * @param balanceAfter   the account's balance just after this sale (negative when the customer owes)
 * @param availableAfter the credit still available just after this sale
 * @param paymentLink    null when the merchant takes no online payments (or nothing is owed)
 * @param amountDue      what the invoice still owes now: its total less what was paid on it (a deposit at the till)
 * @param depositsAfter  the deposit balance just after this sale; null where it was not recorded
 * @param alreadyPaid    what was paid on the invoice already, written negative (taken off the total to give the
 *                       amount due); null when nothing was
 */
public record InvoiceEmail(String language, String subject, Store store, String customerName,
                           String invoiceNumber, String issuedOn, List<Line> lines, String subtotal, String taxes,
                           String total, String terms, String dueDate, String balanceAfter, String availableAfter,
                           String paymentLink, String amountDue, String depositsAfter, String alreadyPaid) {

    public InvoiceEmail {
        lines = List.copyOf(lines);
    }

    public boolean hasLines() {
        return !lines.isEmpty();
    }

    public boolean hasPaymentLink() {
        return paymentLink != null;
    }

    public boolean hasAlreadyPaid() {
        return alreadyPaid != null;
    }

    public boolean hasDepositsAfter() {
        return depositsAfter != null;
    }

    /**
     * One invoice line, written out: {@code amount} is before tax, {@code total} the line's amount with its tax.
     */
    public record Line(String description, String quantity, String unitPrice, String amount, String tax,
                       String total) {
    }
}
