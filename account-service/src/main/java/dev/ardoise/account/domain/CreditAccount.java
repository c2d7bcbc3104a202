package dev.ardoise.account.domain;

import dev.ardoise.events.AccountClosed;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AccountReactivated;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A customer's credit account, rebuilt from its events by the catalogue's rules. Commands are decided by
 * {@link Selling}, {@link Settling} and {@link Keeping} on this state, and answered with new events (never
 * applied here: the caller appends them at the version it read) or a refusal.
 */
public final class CreditAccount {
    private final UUID id;
    private long version;
    private AccountOpened opening;
    private String name;
    private String email;
    private String language;
    private boolean emailConsent;
    private BigDecimal creditLimit;
    private BigDecimal depositBalance;
    private AccountStatus status = AccountStatus.OPEN;
    private final Invoices invoices;
    private final Holds holds;
    private PersistentSortedMap<String, ChargeOverride> overrides;
    /** The events that recorded each idempotency key's first outcome, by "kind:key" (shared with copies). */
    private PersistentSortedMap<String, List<AccountEvent>> outcomes;
    private String lastOutcome;

    private CreditAccount(UUID id) {
        this.id = id;
        this.invoices = new Invoices();
        this.holds = new Holds();
        this.overrides = PersistentSortedMap.empty();
        this.outcomes = PersistentSortedMap.empty();
    }

    private CreditAccount(CreditAccount other) {
        this.id = other.id;
        this.version = other.version;
        this.opening = other.opening;
        this.name = other.name;
        this.email = other.email;
        this.language = other.language;
        this.emailConsent = other.emailConsent;
        this.creditLimit = other.creditLimit;
        this.depositBalance = other.depositBalance;
        this.status = other.status;
        this.invoices = other.invoices.copy();
        this.holds = other.holds.copy();
        this.overrides = other.overrides;
        this.outcomes = other.outcomes;
        this.lastOutcome = other.lastOutcome;
    }

    /** The account as its history left it; the history starts with {@link AccountOpened}. */
    public static CreditAccount replay(UUID id, List<AccountEvent> history) {
        CreditAccount account = new CreditAccount(id);
        history.forEach(account::apply);
        return account;
    }

    /**
     * The same account as an object of its own: applying events to the copy leaves this one as it was, so an
     * account kept in memory can be read by many commands while the next state is built beside it.
     */
    public CreditAccount copy() {
        return new CreditAccount(this);
    }

    public Selling selling() {
        return new Selling(this);
    }

    public Settling settling() {
        return new Settling(this);
    }

    public Keeping keeping() {
        return new Keeping(this);
    }

    public void apply(AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            opening = opened;
            name = opened.name();
            email = opened.email();
            language = opened.language();
            emailConsent = opened.emailConsent();
            depositBalance = Money.zero(opened.currency());
        } else if (event instanceof CustomerDetailsChanged details) {
            name = details.name();
            email = details.email();
            language = details.language();
        } else if (event instanceof EmailConsentGiven) {
            emailConsent = true;
        } else if (event instanceof EmailConsentWithdrawn) {
            emailConsent = false;
        } else if (event instanceof CreditLimitSet limit) {
            creditLimit = limit.creditLimit();
        } else {
            applyMoney(event);
        }
        version++;
    }

    private void applyMoney(AccountEvent event) {
        if (event instanceof SaleCharged sale) {
            invoices.add(sale);
            if (sale.holdId() != null) {
                holds.end(sale.holdId(), Hold.State.CAPTURED);
            }
            ChargeOverride override = sale.overrideId() == null ? null : overrides.get(sale.overrideId());
            if (override != null) {
                overrides = overrides.put(sale.overrideId(), override.usedUp());
            }
            record("sale", sale.saleId(), event);
        } else if (event instanceof DepositApplied applied) {
            depositBalance = depositBalance.subtract(applied.amount());
            invoices.pay(applied.allocations());
            recordOrFollow("sale", "application", applied.applicationId(), event);
        } else if (event instanceof PaymentReceived payment) {
            invoices.pay(payment.allocations());
            record("payment", payment.paymentId(), event);
        } else if (event instanceof CreditNoteIssued note) {
            depositBalance = depositBalance.add(note.amount());
            follow(note.origin() == CreditNoteOrigin.OVERPAYMENT ? "payment" : "refund", note.sourceId(), event);
        } else if (event instanceof SaleRefunded refund) {
            invoices.refund(refund.invoiceId(), refund.amount(), refund.reducedOwed());
            record("refund", refund.refundId(), event);
        } else {
            applyOther(event);
        }
    }

    private void applyOther(AccountEvent event) {
        if (event instanceof DepositAdded deposit) {
            depositBalance = depositBalance.add(deposit.amount());
            record("deposit", deposit.depositId(), event);
        } else if (event instanceof DepositReturned returned) {
            depositBalance = depositBalance.subtract(returned.amount());
            record("return", returned.returnId(), event);
        } else if (event instanceof BalanceAdjusted adjusted) {
            if (adjusted.direction() == AdjustmentDirection.CREDIT) {
                invoices.credit(adjusted.allocations());
            } else {
                invoices.debit(adjusted.allocations());
            }
            record("adjustment", adjusted.adjustmentId(), event);
        } else if (event instanceof DebtWrittenOff writeOff) {
            invoices.writeOff(writeOff.invoiceId(), writeOff.amount());
            record("write-off", writeOff.writeOffId(), event);
        } else if (event instanceof CreditHoldPlaced placed) {
            holds.place(placed);
            record("hold", placed.holdId(), event);
        } else if (event instanceof CreditHoldVoided voided) {
            holds.end(voided.holdId(), Hold.State.VOIDED);
            record("void", voided.holdId(), event);
        } else if (event instanceof CreditHoldExpired expired) {
            holds.end(expired.holdId(), Hold.State.EXPIRED);
        } else if (event instanceof ChargeOverrideGranted granted) {
            overrides = overrides.put(granted.overrideId(), new ChargeOverride(granted));
            record("override", granted.overrideId(), event);
        } else if (event instanceof AccountSuspended) {
            status = AccountStatus.SUSPENDED;
        } else if (event instanceof AccountReactivated) {
            status = AccountStatus.OPEN;
        } else if (event instanceof AccountClosed) {
            status = AccountStatus.CLOSED;
        }
    }

    private void record(String kind, String key, AccountEvent event) {
        lastOutcome = kind + ":" + key;
        recordFirst(lastOutcome, event);
    }

    private void recordFirst(String outcome, AccountEvent event) {
        if (outcomes.get(outcome) == null) {
            outcomes = outcomes.put(outcome, List.of(event));
        }
    }

    /** An event that completes the outcome appended just before it (a credit note after its payment...). */
    private void follow(String kind, String key, AccountEvent event) {
        String outcome = kind + ":" + key;
        if (outcome.equals(lastOutcome)) {
            List<AccountEvent> events = new ArrayList<>(outcomes.get(outcome));
            events.add(event);
            outcomes = outcomes.put(outcome, List.copyOf(events));
        }
    }

    private void recordOrFollow(String followedKind, String kind, String key, AccountEvent event) {
        if ((followedKind + ":" + key).equals(lastOutcome)) {
            follow(followedKind, key, event);
            // also an outcome of its own: a later command with the same key must find it, not apply it again
            recordFirst(kind + ":" + key, event);
        } else {
            record(kind, key, event);
        }
    }

    /**
     * The first outcome recorded under this idempotency key, if any.
     *
     * @throws IdempotencyConflictException when the key was used for a request that {@code same} does not accept
     */
    <E extends AccountEvent> Optional<Decision> previous(String kind, String field, String key, Class<E> type,
                                                        Predicate<E> same) {
        List<AccountEvent> first = outcomes.get(kind + ":" + key);
        if (first == null) {
            return Optional.empty();
        }
        if (!type.isInstance(first.get(0)) || !same.test(type.cast(first.get(0)))) {
            throw new IdempotencyConflictException(field, key);
        }
        return Optional.of(Decision.replay(first));
    }

    /** Refuses anything on a closed account. */
    void requireNotClosed() {
        if (status == AccountStatus.CLOSED) {
            throw new CommandRefusedException("account-closed", "the account is closed; it accepts nothing more");
        }
    }

    /** Credit limit minus what is owed and held (per the events), never below zero; deposits do not count. */
    public BigDecimal available() {
        return available(held());
    }

    /** Available when deciding at {@code now}: holds past their expiry are released. */
    public BigDecimal availableAt(Instant now) {
        return available(holds.heldAt(now, zero()));
    }

    private BigDecimal available(BigDecimal held) {
        if (creditLimit == null) {
            return zero();
        }
        BigDecimal left = creditLimit.subtract(owed()).subtract(held);
        return left.signum() < 0 ? zero() : left;
    }

    BigDecimal zero() {
        return Money.zero(currency());
    }

    BigDecimal heldAt(Instant now) {
        return holds.heldAt(now, zero());
    }

    /** What is owed, shown negative as merchants do ({@code -700.00}). */
    public BigDecimal balance() {
        return owed().negate();
    }

    public BigDecimal owed() {
        return invoices.owed(zero());
    }

    public BigDecimal held() {
        return holds.held(zero());
    }

    public boolean exists() {
        return opening != null;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public AccountOpened opening() {
        return opening;
    }

    public String customerId() {
        return opening.customerId();
    }

    /** The store the account belongs to; empty for an account opened before accounts recorded their store. */
    public Optional<String> storeId() {
        return Optional.ofNullable(opening.storeId());
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String language() {
        return language;
    }

    public boolean emailConsent() {
        return emailConsent;
    }

    public String currency() {
        return opening.currency();
    }

    public Optional<BigDecimal> creditLimit() {
        return Optional.ofNullable(creditLimit);
    }

    public BigDecimal depositBalance() {
        return depositBalance;
    }

    public AccountStatus status() {
        return status;
    }

    public Invoices invoices() {
        return invoices;
    }

    public Holds holds() {
        return holds;
    }

    Optional<ChargeOverride> override(String overrideId) {
        return Optional.ofNullable(overrides.get(overrideId));
    }
}
