package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** The customer left money on the account; it adds to the deposit balance, never to available credit. */
public record DepositAdded(String depositId, BigDecimal amount, DepositPurpose purpose, String reference)
        implements AccountEvent {
    public DepositAdded {
        requireNonNull(depositId, "depositId");
        requireNonNull(amount, "amount");
        requireNonNull(purpose, "purpose");
    }
}
