package dev.ardoise.events;

import java.math.BigDecimal;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A manager approved one charge of up to {@code amount} that the limit or the store's overdue rule would decline.
 * Used once (by the {@link SaleCharged} naming {@code overrideId}) or lapsed at {@code expiresAt}.
 */
public record ChargeOverrideGranted(String overrideId, BigDecimal amount, String reasonCode, String note,
                                    Instant expiresAt) implements AccountEvent {
    public ChargeOverrideGranted {
        requireNonNull(overrideId, "overrideId");
        requireNonNull(amount, "amount");
        requireNonNull(reasonCode, "reasonCode");
        requireNonNull(expiresAt, "expiresAt");
    }
}
