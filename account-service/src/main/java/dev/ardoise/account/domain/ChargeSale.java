package dev.ardoise.account.domain;

import dev.ardoise.events.PaymentTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Charge a sale to the account. {@code saleId} is the register's idempotency key. {@code dueDate} is given only
 * with CUSTOM terms. Lines are optional; when present, they add up to {@code amount}.
 */
public record ChargeSale(String saleId, BigDecimal amount, List<SaleLine> lines, PaymentTerms terms,
                         LocalDate dueDate, String registerId) {
    public ChargeSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The same charge with the store's default terms when the register named none. */
    public ChargeSale withDefaultTerms(PaymentTerms defaultTerms) {
        return terms != null ? this : new ChargeSale(saleId, amount, lines, defaultTerms, dueDate, registerId);
    }

    public record SaleLine(String description, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
