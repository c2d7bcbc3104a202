package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountEvent;
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
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little the emails need to know of an account, folded from its events exactly as the event catalogue's
 * "How events change an account" says: the credit limit, what is owed on each invoice, what is held and the
 * deposit balance. It tells "your balance and available credit after this sale" and whether an invoice is still
 * owed (reminders stop once it is not).
 */
public final class AccountLedger {
    private BigDecimal creditLimit;
    private BigDecimal depositBalance;
    private final Map<String, BigDecimal> holds;
    private final Map<String, OwedInvoice> invoices;

    /** @param creditLimit null when none was ever set */
    public AccountLedger(BigDecimal creditLimit, BigDecimal depositBalance, Map<String, BigDecimal> holds,
                         Collection<OwedInvoice> invoices) {
        this.creditLimit = creditLimit;
        this.depositBalance = depositBalance == null ? BigDecimal.ZERO : depositBalance;
        this.holds = new LinkedHashMap<>(holds);
        this.invoices = new LinkedHashMap<>();
        invoices.forEach(invoice -> this.invoices.put(invoice.invoiceId(), invoice));
    }

    public static AccountLedger empty() {
        return new AccountLedger(null, BigDecimal.ZERO, Map.of(), List.of());
    }

    /** What one invoice still owes, and whether collecting it was given up. */
    public record OwedInvoice(String invoiceId, String invoiceNumber, BigDecimal total, BigDecimal owed,
                              LocalDate issuedOn, LocalDate dueDate, boolean writtenOff) {
        OwedInvoice withOwed(BigDecimal newOwed) {
            return new OwedInvoice(invoiceId, invoiceNumber, total, newOwed, issuedOn, dueDate, writtenOff);
        }

        OwedInvoice writtenOff(BigDecimal amount) {
            return new OwedInvoice(invoiceId, invoiceNumber, total, owed.subtract(amount), issuedOn, dueDate, true);
        }

        /** Still to be collected: neither paid off nor written off. */
        public boolean stillOwed() {
            return !writtenOff && owed.signum() > 0;
        }
    }

    public void apply(AccountEvent event) {
        if (event instanceof SaleCharged sale) {
            invoices.put(sale.invoiceId(), new OwedInvoice(sale.invoiceId(), sale.invoiceNumber(), sale.amount(),
                    sale.amount(), sale.issuedOn(), sale.dueDate(), false));
            if (sale.holdId() != null) {
                holds.remove(sale.holdId());
            }
        } else if (event instanceof PaymentReceived payment) {
            lower(payment.allocations());
        } else if (event instanceof DepositApplied applied) {
            depositBalance = depositBalance.subtract(applied.amount());
            lower(applied.allocations());
        } else if (event instanceof BalanceAdjusted adjusted) {
            if (adjusted.direction() == AdjustmentDirection.CREDIT) {
                lower(adjusted.allocations());
            } else {
                adjusted.allocations().forEach(a -> change(a.invoiceId(), a.amount()));
            }
        } else if (event instanceof SaleRefunded refunded) {
            change(refunded.invoiceId(), refunded.reducedOwed().negate());
        } else if (event instanceof DebtWrittenOff writeOff) {
            invoices.computeIfPresent(writeOff.invoiceId(), (id, invoice) -> invoice.writtenOff(writeOff.amount()));
        } else {
            applyToAccount(event);
        }
    }

    private void applyToAccount(AccountEvent event) {
        if (event instanceof CreditLimitSet limit) {
            creditLimit = limit.creditLimit();
        } else if (event instanceof DepositAdded deposit) {
            depositBalance = depositBalance.add(deposit.amount());
        } else if (event instanceof CreditNoteIssued note) {
            depositBalance = depositBalance.add(note.amount());
        } else if (event instanceof DepositReturned returned) {
            depositBalance = depositBalance.subtract(returned.amount());
        } else if (event instanceof CreditHoldPlaced placed) {
            holds.put(placed.holdId(), placed.amount());
        } else if (event instanceof CreditHoldVoided voided) {
            holds.remove(voided.holdId());
        } else if (event instanceof CreditHoldExpired expired) {
            holds.remove(expired.holdId());
        }
    }

    private void lower(List<Allocation> allocations) {
        allocations.forEach(allocation -> change(allocation.invoiceId(), allocation.amount().negate()));
    }

    private void change(String invoiceId, BigDecimal by) {
        invoices.computeIfPresent(invoiceId, (id, invoice) -> invoice.withOwed(invoice.owed().add(by)));
    }

    public BigDecimal owed() {
        return invoices.values().stream().map(OwedInvoice::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The customer's net position on what is owed: negative when the customer owes. */
    public BigDecimal balance() {
        return owed().negate();
    }

    public BigDecimal held() {
        return holds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** max(0, limit - owed - held); 0 when no limit was ever set. Deposits are not counted. */
    public BigDecimal available() {
        if (creditLimit == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal available = creditLimit.subtract(owed()).subtract(held());
        return available.signum() < 0 ? BigDecimal.ZERO : available;
    }

    public BigDecimal creditLimit() {
        return creditLimit;
    }

    public BigDecimal depositBalance() {
        return depositBalance;
    }

    public Map<String, BigDecimal> holds() {
        return Map.copyOf(holds);
    }

    public List<OwedInvoice> invoices() {
        return List.copyOf(invoices.values());
    }

    public OwedInvoice invoice(String invoiceId) {
        return invoices.get(invoiceId);
    }
}
