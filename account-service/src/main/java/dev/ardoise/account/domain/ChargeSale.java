package dev.ardoise.account.domain;

import dev.ardoise.events.PaymentTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Charge a sale to the account. {@code saleId} is the register's idempotency key. {@code dueDate} is given only
 * with CUSTOM terms. Lines are optional; when present, their amount + tax add up to {@code amount}.
 * {@code holdId} captures a hold, {@code overrideId} uses a manager's override, {@code depositToApply} pays
 * that part of the sale from the deposit balance (all three optional).
 */
public record ChargeSale(String saleId, BigDecimal amount, List<SaleLine> lines, PaymentTerms terms,
                         LocalDate dueDate, String storeId, String registerId, String holdId, String overrideId,
                         BigDecimal depositToApply) {
    public ChargeSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public ChargeSale(String saleId, BigDecimal amount, List<SaleLine> lines, PaymentTerms terms, LocalDate dueDate,
                      String registerId) {
        this(saleId, amount, lines, terms, dueDate, null, registerId, null, null, null);
    }

    /** The same charge with the store's default terms when the register named none. */
    public ChargeSale withDefaultTerms(PaymentTerms defaultTerms) {
        return terms != null ? this : new ChargeSale(saleId, amount, lines, defaultTerms, dueDate, storeId,
                registerId, holdId, overrideId, depositToApply);
    }

    /** One line of the sale; {@code tax} may be null (no tax). */
    public record SaleLine(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal tax) {
        public SaleLine(String description, BigDecimal quantity, BigDecimal unitPrice) {
            this(description, quantity, unitPrice, null);
        }
    }
}
