package dev.ardoise.events;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A manager corrected what is owed, with a reason code (e.g. PRICE_CORRECTION, GOODWILL, FEE). A CREDIT is
 * allocated like a payment (named invoice, else oldest first) and lowers what is owed on each; a DEBIT has one
 * allocation and raises what is owed on that invoice.
 */
public record BalanceAdjusted(String adjustmentId, AdjustmentDirection direction, BigDecimal amount,
                              String reasonCode, String note, List<Allocation> allocations) implements AccountEvent {
    public BalanceAdjusted {
        requireNonNull(adjustmentId, "adjustmentId");
        requireNonNull(direction, "direction");
        requireNonNull(amount, "amount");
        requireNonNull(reasonCode, "reasonCode");
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
