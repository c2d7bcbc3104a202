package dev.ardoise.invoice.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a credit account stands at, as projected from its events: its credit limit (null until a manager sets
 * one), what is owed on outstanding invoices, and the deposit balance not yet used.
 */
public record AccountBalance(UUID accountId, String currency, BigDecimal creditLimit, BigDecimal owed,
                             BigDecimal depositBalance) {

    public AccountBalance {
        requireNonNull(accountId, "accountId");
        requireNonNull(currency, "currency");
        creditLimit = creditLimit == null ? null : Amounts.of(creditLimit);
        owed = Amounts.of(requireNonNull(owed, "owed"));
        depositBalance = Amounts.of(requireNonNull(depositBalance, "depositBalance"));
    }

    /** A newly opened account: no limit, nothing owed, no deposit. */
    public static AccountBalance opened(UUID accountId, AccountOpened opened) {
        return new AccountBalance(accountId, opened.currency(), null, Amounts.ZERO, Amounts.ZERO);
    }

    /** The balance after one more event of this account's stream (the opening excepted). */
    public AccountBalance apply(AccountEvent event) {
        if (event instanceof CreditLimitSet limitSet) {
            return withCreditLimit(limitSet.creditLimit());
        }
        if (event instanceof SaleCharged charge) {
            return charged(charge.amount());
        }
        if (event instanceof DepositAdded deposit) {
            return deposited(deposit.amount());
        }
        throw new IllegalStateException("account " + accountId + " cannot apply " + event.type() + " once opened");
    }

    public AccountBalance withCreditLimit(BigDecimal newLimit) {
        return new AccountBalance(accountId, currency, newLimit, owed, depositBalance);
    }

    public AccountBalance charged(BigDecimal amount) {
        return new AccountBalance(accountId, currency, creditLimit, owed.add(amount), depositBalance);
    }

    public AccountBalance deposited(BigDecimal amount) {
        return new AccountBalance(accountId, currency, creditLimit, owed, depositBalance.add(amount));
    }

    /** Shown negative when the customer owes: -700.00 when 700.00 is owed, 0.00 when nothing. */
    public BigDecimal balance() {
        return owed.negate();
    }

    /** Credit limit minus what is owed, never below zero; deposits are not counted; zero without a limit. */
    public BigDecimal available() {
        if (creditLimit == null) {
            return Amounts.ZERO;
        }
        return creditLimit.subtract(owed).max(Amounts.ZERO);
    }
}
