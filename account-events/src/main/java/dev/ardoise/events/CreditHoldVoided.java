package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** The register released a hold without charging it; {@code amount} is what it had reserved. */
public record CreditHoldVoided(String holdId, BigDecimal amount, String reason) implements AccountEvent {
    public CreditHoldVoided {
        requireNonNull(holdId, "holdId");
        requireNonNull(amount, "amount");
    }
}
