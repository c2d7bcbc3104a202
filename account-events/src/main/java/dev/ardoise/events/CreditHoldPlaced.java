package dev.ardoise.events;

import java.math.BigDecimal;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A register reserved {@code amount} of the available credit while the customer is at the till. Until it is
 * captured (a {@link SaleCharged} naming the {@code holdId}), voided or expired, it lowers available credit.
 */
public record CreditHoldPlaced(String holdId, BigDecimal amount, Instant expiresAt, String storeId,
                               String registerId) implements AccountEvent {
    public CreditHoldPlaced {
        requireNonNull(holdId, "holdId");
        requireNonNull(amount, "amount");
        requireNonNull(expiresAt, "expiresAt");
    }
}
