package dev.ardoise.invoice.api;

import dev.ardoise.events.InvoiceLine;
import dev.ardoise.invoice.domain.ApplicationKind;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.domain.InvoiceApplication;
import dev.ardoise.invoice.domain.InvoiceStatus;
import dev.ardoise.invoice.persistence.InvoiceView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice with what was paid, refunded and is still owed on it, its status as of today and what was applied. */
public record InvoiceResponse(String invoiceId, String invoiceNumber, UUID accountId, String saleId, String storeId,
                              String currency, BigDecimal amount, BigDecimal paid, BigDecimal refunded,
                              BigDecimal owed, List<InvoiceLine> lines, String terms, LocalDate issuedOn,
                              LocalDate dueDate, InvoiceStatus status, List<Applied> applications) {

    /** A payment, deposit applied, credit, debit, refund or write-off: its date, what and how much. */
    public record Applied(LocalDate date, ApplicationKind kind, String reference, BigDecimal amount,
                          BigDecimal owedChange, long version) {
        static Applied of(InvoiceApplication application) {
            return new Applied(application.date(), application.kind(), application.reference(), application.amount(),
                    application.owedChange(), application.version());
        }
    }

    static InvoiceResponse of(InvoiceView view, List<InvoiceLine> lines, LocalDate today) {
        Invoice invoice = view.invoice();
        return new InvoiceResponse(invoice.invoiceId(), invoice.invoiceNumber(), view.accountId(), invoice.saleId(),
                invoice.storeId(), view.currency(), invoice.amount(), invoice.paid(), invoice.refunded(),
                invoice.owed(), lines, view.terms(), invoice.issuedOn(), invoice.dueDate(), invoice.statusOn(today),
                view.applications().stream().map(Applied::of).toList());
    }
}
