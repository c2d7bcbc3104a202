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
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The little the emails need to know of an account, folded from its events exactly as the event catalogue's
 * "How events change an account" says: the credit limit, what is owed in all and on each invoice, what is held and
 * the deposit balance. It tells "your balance and available credit after this sale" and whether an invoice is still
 * owed (reminders stop once it is not).
 * <p>
 * One event changes a bounded part of it: the account's figures and the invoices the event names
 * ({@link #invoicesNamedBy}). So a ledger is loaded with the total owed and only those invoices, never every invoice
 * of the account; an invoice an event names that is not given was never charged to this account, and the event
 * leaves it alone, as the catalogue says.
 */
public final class AccountLedger {
    private BigDecimal creditLimit;
    private BigDecimal depositBalance;
    private final Map<String, BigDecimal> holds;
    private BigDecimal owed;
    private final Map<String, OwedInvoice> invoices;

    /**
     * @param creditLimit null when none was ever set
     * @param owed        what is owed on every invoice of the account, written off or not
     * @param invoices    at least those the events to apply name
     */
    public AccountLedger(BigDecimal creditLimit, BigDecimal depositBalance, Map<String, BigDecimal> holds,
                         BigDecimal owed, Collection<OwedInvoice> invoices) {
        this.creditLimit = creditLimit;
        this.depositBalance = depositBalance == null ? BigDecimal.ZERO : depositBalance;
        this.holds = new LinkedHashMap<>(holds);
        this.owed = owed == null ? BigDecimal.ZERO : owed;
        this.invoices = new LinkedHashMap<>();
        invoices.forEach(invoice -> this.invoices.put(invoice.invoiceId(), invoice));
    }

    public static AccountLedger empty() {
        return new AccountLedger(null, BigDecimal.ZERO, Map.of(), BigDecimal.ZERO, List.of());
    }

    /** The invoices whose amounts the event changes (or creates): the only ones it needs loaded. */
    public static Set<String> invoicesNamedBy(AccountEvent event) {
        if (event instanceof SaleCharged sale) {
            return Set.of(sale.invoiceId());
        }
        if (event instanceof PaymentReceived payment) {
            return named(payment.allocations());
        }
        if (event instanceof DepositApplied applied) {
            return named(applied.allocations());
        }
        if (event instanceof BalanceAdjusted adjusted) {
            return named(adjusted.allocations());
        }
        if (event instanceof SaleRefunded refunded) {
            return Set.of(refunded.invoiceId());
        }
        if (event instanceof DebtWrittenOff writeOff) {
            return Set.of(writeOff.invoiceId());
        }
        return Set.of();
    }

    /**
     * The sale whose invoice email shows the account just after it, when the event may be part of that sale's
     * command: a deposit used at the till is appended after its SaleCharged, in the same command, naming the sale's
     * id; null otherwise. Whether that sale is indeed of the same command is {@link ChargedInvoices}' to check.
     */
    public static String saleCompletedBy(RecordedEvent recorded) {
        return recorded.data() instanceof DepositApplied applied
                && recorded.command().firstVersion() < recorded.version() ? applied.applicationId() : null;
    }

    private static Set<String> named(List<Allocation> allocations) {
        Set<String> ids = new LinkedHashSet<>();
        allocations.forEach(allocation -> ids.add(allocation.invoiceId()));
        return ids;
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
            OwedInvoice before = invoices.put(sale.invoiceId(), new OwedInvoice(sale.invoiceId(),
                    sale.invoiceNumber(), sale.amount(), sale.amount(), sale.issuedOn(), sale.dueDate(), false));
            owed = owed.add(sale.amount()).subtract(before == null ? BigDecimal.ZERO : before.owed());
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
            if (invoices.computeIfPresent(writeOff.invoiceId(),
                    (id, invoice) -> invoice.writtenOff(writeOff.amount())) != null) {
                owed = owed.subtract(writeOff.amount());
            }
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
        if (invoices.computeIfPresent(invoiceId, (id, invoice) -> invoice.withOwed(invoice.owed().add(by))) != null) {
            owed = owed.add(by);
        }
    }

    /** What is owed on every invoice of the account (a written-off one counts what was left after the write-off). */
    public BigDecimal owed() {
        return owed;
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

    /** The invoices this ledger was given or charged since: not every invoice of the account. */
    public List<OwedInvoice> invoices() {
        return List.copyOf(invoices.values());
    }

    public OwedInvoice invoice(String invoiceId) {
        return invoices.get(invoiceId);
    }
}
