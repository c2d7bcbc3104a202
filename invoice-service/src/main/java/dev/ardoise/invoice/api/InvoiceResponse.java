package dev.ardoise.invoice.api;

import dev.ardoise.events.InvoiceLine;
import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.domain.InvoiceStatus;
import dev.ardoise.invoice.persistence.InvoiceRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice with what is still owed on it and its status as of today. */
public record InvoiceResponse(String invoiceId, String invoiceNumber, UUID accountId, String saleId,
                              BigDecimal amount, BigDecimal paid, BigDecimal owed, List<InvoiceLine> lines,
                              String terms, LocalDate issuedOn, LocalDate dueDate, InvoiceStatus status) {

    static InvoiceResponse of(InvoiceRow row, List<InvoiceLine> lines, LocalDate today) {
        Invoice invoice = row.toInvoice();
        return new InvoiceResponse(row.invoiceId, row.invoiceNumber, row.accountId, row.saleId, invoice.amount(),
                invoice.paid(), invoice.owed(), lines, row.terms, row.issuedOn, row.dueDate, invoice.statusOn(today));
    }
}
