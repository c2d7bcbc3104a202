package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One payment, deposit applied, credit, debit, refund or write-off on one invoice. {@code amount} is what the
 * event says (a refund's whole amount); {@code owedChange} what it did to what is owed (negative lowers it).
 */
public record InvoiceApplication(String invoiceId, UUID accountId, long version, int seq, LocalDate date,
                                 ApplicationKind kind, String reference, BigDecimal amount, BigDecimal owedChange) {

    public String applicationId() {
        return accountId + ":" + version + ":" + seq;
    }
}
