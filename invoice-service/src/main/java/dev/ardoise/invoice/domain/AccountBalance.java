package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a credit account stands at, as projected from its events: who it is, the store it belongs to (only that
 * store's staff see it), its credit limit (null until a manager sets one), what is owed on its invoices, the
 * deposit balance, what active holds reserve, and whether it may charge. Amounts are at the currency's scale.
 */
public record AccountBalance(UUID accountId, String storeId, String customerId, String customerName, String currency,
                             BigDecimal creditLimit, BigDecimal owed, BigDecimal depositBalance, BigDecimal held,
                             AccountStatus accountStatus) {

    public AccountBalance {
        requireNonNull(accountId, "accountId");
        requireNonNull(storeId, "storeId");
        requireNonNull(currency, "currency");
        requireNonNull(accountStatus, "accountStatus");
        creditLimit = Amounts.of(creditLimit, currency);
        owed = Amounts.of(requireNonNull(owed, "owed"), currency);
        depositBalance = Amounts.of(requireNonNull(depositBalance, "depositBalance"), currency);
        held = Amounts.of(requireNonNull(held, "held"), currency);
    }

    /** A newly opened account: no limit, nothing owed, no deposit, nothing held. */
    public static AccountBalance opened(UUID accountId, String storeId, String customerId, String customerName,
                                        String currency) {
        BigDecimal zero = Amounts.zero(currency);
        return new AccountBalance(accountId, storeId, customerId, customerName, currency, null, zero, zero, zero,
                AccountStatus.OPEN);
    }

    public AccountBalance withCreditLimit(BigDecimal newLimit) {
        return new AccountBalance(accountId, storeId, customerId, customerName, currency, newLimit, owed,
                depositBalance, held, accountStatus);
    }

    public AccountBalance withName(String newName) {
        return new AccountBalance(accountId, storeId, customerId, newName, currency, creditLimit, owed,
                depositBalance, held, accountStatus);
    }

    public AccountBalance withStatus(AccountStatus status) {
        return new AccountBalance(accountId, storeId, customerId, customerName, currency, creditLimit, owed,
                depositBalance, held, status);
    }

    /** What is owed changes by {@code change} (positive: more owed). */
    public AccountBalance owing(BigDecimal change) {
        return new AccountBalance(accountId, storeId, customerId, customerName, currency, creditLimit,
                owed.add(change), depositBalance, held, accountStatus);
    }

    public AccountBalance depositing(BigDecimal change) {
        return new AccountBalance(accountId, storeId, customerId, customerName, currency, creditLimit, owed,
                depositBalance.add(change), held, accountStatus);
    }

    public AccountBalance holding(BigDecimal change) {
        return new AccountBalance(accountId, storeId, customerId, customerName, currency, creditLimit, owed,
                depositBalance, held.add(change), accountStatus);
    }

    /** Shown negative when the customer owes: -700.00 when 700.00 is owed, 0.00 when nothing. */
    public BigDecimal balance() {
        return owed.negate();
    }

    /** Credit limit minus what is owed and held, never below zero; deposits are not counted; zero without a limit. */
    public BigDecimal available() {
        if (creditLimit == null) {
            return Amounts.zero(currency);
        }
        return creditLimit.subtract(owed).subtract(held).max(Amounts.zero(currency));
    }
}
