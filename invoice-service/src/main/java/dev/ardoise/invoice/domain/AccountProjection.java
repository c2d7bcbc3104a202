package dev.ardoise.invoice.domain;

import dev.ardoise.events.AccountClosed;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AccountReactivated;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CustomerDetailsChanged;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One account's read models, and how each event of its stream changes them, per the event catalogue's "How
 * events change an account". The live projection loads the part an event needs (the account, its holds, the
 * invoices the event names) and writes back the {@link Change}; the rebuild keeps every account in memory and
 * folds the whole topic through the same rules, so both arrive at the same rows.
 */
public final class AccountProjection {
    private final ZoneId storeZone;
    private AccountBalance balance;
    private final Map<String, BigDecimal> holds;
    private final Map<String, Invoice> invoices;

    // what the event being applied changes
    private final Map<String, Invoice> touched = new LinkedHashMap<>();
    private final Map<String, BigDecimal> placed = new HashMap<>();
    private final Set<String> released = new HashSet<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<InvoiceApplication> applications = new ArrayList<>();

    /**
     * @param holds    the account's active holds (id to amount); may be only the ones the event names
     * @param invoices the account's invoices by id; may be only the ones the event names
     */
    public AccountProjection(ZoneId storeZone, AccountBalance balance, Map<String, BigDecimal> holds,
                             Map<String, Invoice> invoices) {
        this.storeZone = storeZone;
        this.balance = balance;
        this.holds = new HashMap<>(holds);
        this.invoices = new HashMap<>(invoices);
    }

    /**
     * The projection of an account that was just opened, in the store its opening names; an opening recorded
     * before accounts named their store belongs to {@code defaultStore}, the deployment's own.
     */
    public static AccountProjection opened(ZoneId storeZone, String defaultStore, RecordedEvent recorded) {
        AccountOpened opened = (AccountOpened) recorded.data();
        String store = opened.storeId() == null ? defaultStore : opened.storeId();
        AccountBalance balance = AccountBalance.opened(recorded.accountId(), store, opened.customerId(),
                opened.name(), opened.currency());
        return new AccountProjection(storeZone, balance, Map.of(), Map.of());
    }

    public AccountBalance balance() {
        return balance;
    }

    public Map<String, BigDecimal> holds() {
        return Map.copyOf(holds);
    }

    public Map<String, Invoice> invoices() {
        return Map.copyOf(invoices);
    }

    /** The invoices, holds and the like that the event needs loaded to be applied. */
    public static Set<String> invoicesNamedBy(AccountEvent event) {
        Set<String> named = new HashSet<>();
        if (event instanceof PaymentReceived payment) {
            payment.allocations().forEach(allocation -> named.add(allocation.invoiceId()));
        } else if (event instanceof DepositApplied applied) {
            applied.allocations().forEach(allocation -> named.add(allocation.invoiceId()));
        } else if (event instanceof BalanceAdjusted adjusted) {
            adjusted.allocations().forEach(allocation -> named.add(allocation.invoiceId()));
        } else if (event instanceof SaleRefunded refunded) {
            named.add(refunded.invoiceId());
        } else if (event instanceof DebtWrittenOff writeOff) {
            named.add(writeOff.invoiceId());
        }
        return named;
    }

    /** The hold an event names, or null. */
    public static String holdNamedBy(AccountEvent event) {
        if (event instanceof SaleCharged charge) {
            return charge.holdId();
        }
        if (event instanceof CreditHoldVoided voided) {
            return voided.holdId();
        }
        if (event instanceof CreditHoldExpired expired) {
            return expired.holdId();
        }
        return null;
    }

    /** Applies the next event of the account's stream (AccountOpened excepted) and says what it changed. */
    public Change apply(RecordedEvent recorded) {
        touched.clear();
        placed.clear();
        released.clear();
        entries.clear();
        applications.clear();
        dispatch(recorded, recorded.data());
        return new Change(balance, List.copyOf(touched.values()), placed, released, entries, applications);
    }

    private void dispatch(RecordedEvent recorded, AccountEvent event) {
        if (event instanceof CreditLimitSet limitSet) {
            balance = balance.withCreditLimit(amount(limitSet.creditLimit()));
        } else if (event instanceof CustomerDetailsChanged details) {
            balance = balance.withName(details.name());
        } else if (event instanceof SaleCharged charge) {
            charged(recorded, charge);
        } else if (event instanceof CreditHoldPlaced hold) {
            holds.put(hold.holdId(), amount(hold.amount()));
            placed.put(hold.holdId(), amount(hold.amount()));
            balance = balance.holding(amount(hold.amount()));
        } else if (event instanceof CreditHoldVoided voided) {
            release(voided.holdId());
        } else if (event instanceof CreditHoldExpired expired) {
            release(expired.holdId());
        } else if (event instanceof DepositAdded deposit) {
            deposited(recorded, deposit);
        } else if (event instanceof DepositApplied applied) {
            depositApplied(recorded, applied);
        } else if (event instanceof DepositReturned returned) {
            BigDecimal amount = amount(returned.amount());
            balance = balance.depositing(amount.negate());
            entry(recorded, LedgerType.DEPOSIT_RETURNED, returned.returnId(),
                    describe("Deposit returned (" + returned.method() + ")", returned.reason()),
                    amount.negate(), amount.negate());
        } else if (event instanceof PaymentReceived payment) {
            paid(recorded, payment);
        } else if (event instanceof CreditNoteIssued note) {
            BigDecimal amount = amount(note.amount());
            balance = balance.depositing(amount);
            entry(recorded, LedgerType.CREDIT_NOTE, note.creditNoteId(), "Credit note (" + note.origin() + ")",
                    zero(), amount);
        } else if (event instanceof SaleRefunded refund) {
            refunded(recorded, refund);
        } else if (event instanceof BalanceAdjusted adjustment) {
            adjusted(recorded, adjustment);
        } else if (event instanceof DebtWrittenOff writeOff) {
            writtenOff(recorded, writeOff);
        } else if (event instanceof AccountSuspended) {
            balance = balance.withStatus(AccountStatus.SUSPENDED);
        } else if (event instanceof AccountReactivated) {
            balance = balance.withStatus(AccountStatus.OPEN);
        } else if (event instanceof AccountClosed) {
            balance = balance.withStatus(AccountStatus.CLOSED);
        } else if (event instanceof AccountOpened) {
            throw new IllegalStateException("account " + balance.accountId() + " is already open");
        }
        // EmailConsentGiven, EmailConsentWithdrawn, ChargeOverrideGranted: nothing these read models show
    }

    private void charged(RecordedEvent recorded, SaleCharged charge) {
        BigDecimal amount = amount(charge.amount());
        Invoice invoice = Invoice.issued(charge.invoiceId(), charge.invoiceNumber(), charge.saleId(),
                charge.storeId(), recorded.version(), amount, charge.issuedOn(), charge.dueDate());
        invoices.put(invoice.invoiceId(), invoice);
        touched.put(invoice.invoiceId(), invoice);
        balance = balance.owing(amount);
        if (charge.holdId() != null) {
            release(charge.holdId());
        }
        entry(recorded, LedgerType.CHARGE, charge.invoiceNumber(), "Invoice " + charge.invoiceNumber(),
                amount.negate(), zero());
    }

    private void release(String holdId) {
        BigDecimal amount = holds.remove(holdId);
        if (amount != null) {
            balance = balance.holding(amount.negate());
            placed.remove(holdId);
            released.add(holdId);
        }
    }

    private void deposited(RecordedEvent recorded, DepositAdded deposit) {
        BigDecimal amount = amount(deposit.amount());
        balance = balance.depositing(amount);
        entry(recorded, LedgerType.DEPOSIT, deposit.depositId(),
                describe("Deposit (" + deposit.purpose() + ")", deposit.reference()), amount, amount);
    }

    private void depositApplied(RecordedEvent recorded, DepositApplied applied) {
        BigDecimal amount = amount(applied.amount());
        balance = balance.depositing(amount.negate());
        allocate(recorded, applied.allocations(), ApplicationKind.DEPOSIT_APPLIED, applied.applicationId(),
                Invoice::withPaid);
        entry(recorded, LedgerType.DEPOSIT_APPLIED, applied.applicationId(), "Deposit applied", zero(),
                amount.negate());
    }

    private void paid(RecordedEvent recorded, PaymentReceived payment) {
        allocate(recorded, payment.allocations(), ApplicationKind.PAYMENT, payment.paymentId(), Invoice::withPaid);
        entry(recorded, LedgerType.PAYMENT, payment.paymentId(),
                describe("Payment (" + payment.method() + ")", payment.reference()), amount(payment.amount()),
                zero());
    }

    private void refunded(RecordedEvent recorded, SaleRefunded refund) {
        BigDecimal amount = amount(refund.amount());
        BigDecimal reducedOwed = amount(refund.reducedOwed());
        Invoice invoice = invoice(refund.invoiceId()).withRefund(amount, reducedOwed);
        put(invoice);
        balance = balance.owing(reducedOwed.negate());
        application(recorded, 0, refund.invoiceId(), ApplicationKind.REFUND, refund.refundId(), amount,
                reducedOwed.negate());
        entry(recorded, LedgerType.REFUND, refund.refundId(), "Refund, invoice " + refund.invoiceNumber(), amount,
                zero());
    }

    private void adjusted(RecordedEvent recorded, BalanceAdjusted adjustment) {
        boolean credit = adjustment.direction() == AdjustmentDirection.CREDIT;
        BigDecimal amount = amount(adjustment.amount());
        if (credit) {
            allocate(recorded, adjustment.allocations(), ApplicationKind.CREDIT, adjustment.adjustmentId(),
                    Invoice::withCredited);
        } else {
            allocate(recorded, adjustment.allocations(), ApplicationKind.DEBIT, adjustment.adjustmentId(),
                    Invoice::withDebited);
        }
        entry(recorded, LedgerType.ADJUSTMENT, adjustment.adjustmentId(),
                describe("Adjustment " + adjustment.direction() + " (" + adjustment.reasonCode() + ")",
                        adjustment.note()),
                credit ? amount : amount.negate(), zero());
    }

    private void writtenOff(RecordedEvent recorded, DebtWrittenOff writeOff) {
        BigDecimal amount = amount(writeOff.amount());
        put(invoice(writeOff.invoiceId()).withWriteOff(amount));
        balance = balance.owing(amount.negate());
        application(recorded, 0, writeOff.invoiceId(), ApplicationKind.WRITE_OFF, writeOff.writeOffId(), amount,
                amount.negate());
        entry(recorded, LedgerType.WRITE_OFF, writeOff.writeOffId(), "Written off, invoice "
                + writeOff.invoiceNumber(), amount, zero());
    }

    private interface Allocating {
        Invoice apply(Invoice invoice, BigDecimal amount);
    }

    private void allocate(RecordedEvent recorded, List<Allocation> allocations, ApplicationKind kind,
                          String reference, Allocating change) {
        boolean raises = kind == ApplicationKind.DEBIT;
        int seq = 0;
        for (Allocation allocation : allocations) {
            BigDecimal amount = amount(allocation.amount());
            put(change.apply(invoice(allocation.invoiceId()), amount));
            BigDecimal owedChange = raises ? amount : amount.negate();
            balance = balance.owing(owedChange);
            application(recorded, seq++, allocation.invoiceId(), kind, reference, amount, owedChange);
        }
    }

    private Invoice invoice(String invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            throw new IllegalStateException("account " + balance.accountId() + " has no invoice " + invoiceId);
        }
        return invoice;
    }

    private void put(Invoice invoice) {
        invoices.put(invoice.invoiceId(), invoice);
        touched.put(invoice.invoiceId(), invoice);
    }

    private void application(RecordedEvent recorded, int seq, String invoiceId, ApplicationKind kind,
                             String reference, BigDecimal amount, BigDecimal owedChange) {
        applications.add(new InvoiceApplication(invoiceId, balance.accountId(), recorded.version(), seq,
                dateOf(recorded), kind, reference, amount, owedChange));
    }

    private void entry(RecordedEvent recorded, LedgerType type, String reference, String description,
                       BigDecimal amount, BigDecimal depositChange) {
        entries.add(new LedgerEntry(balance.accountId(), recorded.version(), dateOf(recorded), type, reference,
                description, amount, depositChange));
    }

    private LocalDate dateOf(RecordedEvent recorded) {
        return recorded.occurredAt().atZone(storeZone).toLocalDate();
    }

    private BigDecimal amount(BigDecimal value) {
        return Amounts.of(value, balance.currency());
    }

    private BigDecimal zero() {
        return Amounts.zero(balance.currency());
    }

    private static String describe(String what, String detail) {
        return detail == null || detail.isBlank() ? what : what + " " + detail;
    }
}
