package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.CustomerLanguage;
import dev.ardoise.notification.domain.DueInvoice;
import dev.ardoise.notification.domain.Store;
import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one pay page shows, written in the customer's language. {@code kind} picks the page: form, paid, settled,
 * thanks, not-valid, expired, not-found, off or unavailable.
 */
@TemplateData
public record PayView(String kind, int status, String language, Store store, String customerName,
                      String invoiceNumber, String issuedOn, String dueDate, String total, String due,
                      String settledOn, String token) {

    static PayView refusal(String kind, int status, CustomerLanguage language, Store store) {
        return new PayView(kind, status, language.code(), store, null, null, null, null, null, null, null, null);
    }

    static PayView of(String kind, CustomerLanguage language, Store store, LinkedInvoice linked, String token) {
        DueInvoice invoice = linked.invoice();
        return new PayView(kind, 200, language.code(), store, linked.customerName(), invoice.invoiceNumber(),
                date(language, invoice.issuedOn()), date(language, invoice.dueDate()),
                language.money(invoice.amount(), invoice.currency()),
                language.money(invoice.owed().max(BigDecimal.ZERO), invoice.currency()),
                date(language, invoice.settledOn()), token);
    }

    private static String date(CustomerLanguage language, LocalDate date) {
        return date == null ? null : language.date(date);
    }
}
