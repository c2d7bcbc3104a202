package dev.ardoise.invoice.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation's own reckoning of an account's money, straight from the event catalogue's rules and
 * nothing else (no invoices, no history): what is owed, the deposit balance, what holds reserve, the credit
 * limit and what is available. Kept apart from {@link AccountProjection} on purpose: two independent
 * derivations that agree are the check.
 */
public final class BalanceFold {
    private String currency;
    private BigDecimal creditLimit;
    private BigDecimal owed = BigDecimal.ZERO;
    private BigDecimal deposit = BigDecimal.ZERO;
    private final Map<String, BigDecimal> holds = new HashMap<>();
    private long version;

    public record Figures(BigDecimal owed, BigDecimal depositBalance, BigDecimal held, BigDecimal creditLimit,
                          BigDecimal available, long version) {
    }

    /** Folds the next event (by version); an event of an unknown type is counted with {@link #skip}. */
    public BalanceFold fold(long eventVersion, AccountEvent event) {
        version = eventVersion;
        if (event instanceof AccountOpened opened) {
            currency = opened.currency();
        } else if (event instanceof CreditLimitSet limit) {
            creditLimit = limit.creditLimit();
        } else if (event instanceof SaleCharged charge) {
            owed = owed.add(charge.amount());
            if (charge.holdId() != null) {
                holds.remove(charge.holdId());
            }
        } else if (event instanceof CreditHoldPlaced hold) {
            holds.put(hold.holdId(), hold.amount());
        } else if (event instanceof CreditHoldVoided voided) {
            holds.remove(voided.holdId());
        } else if (event instanceof CreditHoldExpired expired) {
            holds.remove(expired.holdId());
        } else if (event instanceof DepositAdded added) {
            deposit = deposit.add(added.amount());
        } else if (event instanceof CreditNoteIssued note) {
            deposit = deposit.add(note.amount());
        } else if (event instanceof DepositApplied applied) {
            deposit = deposit.subtract(applied.amount());
            owed = owed.subtract(sum(applied.allocations()));
        } else if (event instanceof DepositReturned returned) {
            deposit = deposit.subtract(returned.amount());
        } else if (event instanceof PaymentReceived payment) {
            owed = owed.subtract(sum(payment.allocations()));
        } else if (event instanceof SaleRefunded refund) {
            owed = owed.subtract(refund.reducedOwed());
        } else if (event instanceof BalanceAdjusted adjustment) {
            BigDecimal allocated = sum(adjustment.allocations());
            owed = adjustment.direction() == AdjustmentDirection.CREDIT ? owed.subtract(allocated) : owed.add(allocated);
        } else if (event instanceof DebtWrittenOff writeOff) {
            owed = owed.subtract(writeOff.amount());
        }
        return this;
    }

    public BalanceFold skip(long eventVersion) {
        version = eventVersion;
        return this;
    }

    public Figures figures() {
        String code = currency == null ? "XXX" : currency;
        BigDecimal held = holds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = creditLimit == null ? BigDecimal.ZERO
                : creditLimit.subtract(owed).subtract(held).max(BigDecimal.ZERO);
        return new Figures(scaled(owed, code), scaled(deposit, code), scaled(held, code),
                creditLimit == null ? null : scaled(creditLimit, code), scaled(available, code), version);
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return "XXX".equals(currency) ? amount : Amounts.of(amount, currency);
    }

    private static BigDecimal sum(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
