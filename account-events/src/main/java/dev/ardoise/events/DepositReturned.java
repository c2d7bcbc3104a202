package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** Deposit balance was given back to the customer (a cancelled layaway, say): {@code amount} left it. */
public record DepositReturned(String returnId, BigDecimal amount, String method, String reason)
        implements AccountEvent {
    public DepositReturned {
        requireNonNull(returnId, "returnId");
        requireNonNull(amount, "amount");
        requireNonNull(method, "method");
    }
}
