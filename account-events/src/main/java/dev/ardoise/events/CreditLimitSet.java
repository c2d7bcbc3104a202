package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** A manager set the most the customer may owe. {@code previousCreditLimit} is null the first time. */
public record CreditLimitSet(BigDecimal creditLimit, BigDecimal previousCreditLimit) implements AccountEvent {
    public CreditLimitSet {
        requireNonNull(creditLimit, "creditLimit");
    }
}
