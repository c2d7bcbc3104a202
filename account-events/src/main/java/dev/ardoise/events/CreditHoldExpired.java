package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** A hold nobody captured or voided passed its {@code expiresAt}; its {@code amount} is available again. */
public record CreditHoldExpired(String holdId, BigDecimal amount) implements AccountEvent {
    public CreditHoldExpired {
        requireNonNull(holdId, "holdId");
        requireNonNull(amount, "amount");
    }
}
