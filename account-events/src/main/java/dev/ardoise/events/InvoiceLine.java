package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * One line of an invoice: {@code amount} is {@code quantity x unitPrice} before tax, {@code tax} the tax on it
 * (zero when none), both at the currency's scale. The invoice total is the sum of amount + tax over its lines.
 */
public record InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                          BigDecimal tax) {
    public InvoiceLine {
        requireNonNull(description, "description");
        requireNonNull(quantity, "quantity");
        requireNonNull(unitPrice, "unitPrice");
        requireNonNull(amount, "amount");
        tax = tax == null ? BigDecimal.ZERO.setScale(amount.scale()) : tax;
    }

    public InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
        this(description, quantity, unitPrice, amount, null);
    }

    public BigDecimal total() {
        return amount.add(tax);
    }
}
