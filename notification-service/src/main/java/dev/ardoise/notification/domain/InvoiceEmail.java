package dev.ardoise.notification.domain;

import java.util.List;

/**
 * An invoice email ready to be laid out by a template: every value already written in the customer's language.
 *
 * @param language the language's code ("fr" or "en"), which picks the template
 * @param terms    the payment terms in words, e.g. "Net 30 days" or "Payable à la réception"
 */
public record InvoiceEmail(String language, String subject, String storeName, String customerName,
                           String invoiceNumber, String issuedOn, List<Line> lines, String total,
                           String terms, String dueDate) {

    public InvoiceEmail {
        lines = List.copyOf(lines);
    }

    public boolean hasLines() {
        return !lines.isEmpty();
    }

    /** One invoice line, written out. */
    public record Line(String description, String quantity, String unitPrice, String amount) {
    }
}
