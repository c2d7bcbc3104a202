package dev.ardoise.events;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Deposit balance (deposits and credit notes) paid invoices: {@code amount} left the deposit balance and each
 * allocation reduced what is owed on one invoice. At the till it comes right after the sale's {@link SaleCharged},
 * with {@code applicationId} = the saleId.
 */
public record DepositApplied(String applicationId, BigDecimal amount, List<Allocation> allocations)
        implements AccountEvent {
    public DepositApplied {
        requireNonNull(applicationId, "applicationId");
        requireNonNull(amount, "amount");
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
