package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** One line of an invoice: {@code amount} is {@code quantity x unitPrice} at the currency's scale. */
public record InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    public InvoiceLine {
        requireNonNull(description, "description");
        requireNonNull(quantity, "quantity");
        requireNonNull(unitPrice, "unitPrice");
        requireNonNull(amount, "amount");
    }
}
