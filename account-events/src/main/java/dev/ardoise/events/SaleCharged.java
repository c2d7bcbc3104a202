package dev.ardoise.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An on-account sale was accepted and became an invoice, owed in full until paid.
 * {@code saleId} is the register's idempotency key; {@code invoiceNumber} is sequential per store.
 * {@code holdId} names the hold this charge captured (the whole hold is released), {@code overrideId} the
 * manager's override it used; both null otherwise.
 */
public record SaleCharged(String saleId, String invoiceId, String invoiceNumber, BigDecimal amount,
                          List<InvoiceLine> lines, PaymentTerms terms, LocalDate issuedOn, LocalDate dueDate,
                          String storeId, String registerId, String holdId, String overrideId)
        implements AccountEvent {
    public SaleCharged {
        requireNonNull(saleId, "saleId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(amount, "amount");
        requireNonNull(terms, "terms");
        requireNonNull(issuedOn, "issuedOn");
        requireNonNull(dueDate, "dueDate");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public SaleCharged(String saleId, String invoiceId, String invoiceNumber, BigDecimal amount,
                       List<InvoiceLine> lines, PaymentTerms terms, LocalDate issuedOn, LocalDate dueDate,
                       String storeId, String registerId) {
        this(saleId, invoiceId, invoiceNumber, amount, lines, terms, issuedOn, dueDate, storeId, registerId,
                null, null);
    }
}
