package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** The part of a payment, deposit application or credit adjustment that went to one invoice. */
public record Allocation(String invoiceId, String invoiceNumber, BigDecimal amount) {
    public Allocation {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(amount, "amount");
    }
}
