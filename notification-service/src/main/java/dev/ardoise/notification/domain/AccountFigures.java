package dev.ardoise.notification.domain;

import java.math.BigDecimal;

/**
 * An account's balance (negative when the customer owes), available credit and deposit balance at one moment.
 *
 * @param deposits the deposit balance, or null where it was not recorded (the email then leaves it out)
 */
public record AccountFigures(BigDecimal balance, BigDecimal available, BigDecimal deposits) {
    public AccountFigures(BigDecimal balance, BigDecimal available) {
        this(balance, available, null);
    }

    public static AccountFigures of(AccountLedger ledger) {
        return new AccountFigures(ledger.balance(), ledger.available(), ledger.depositBalance());
    }
}
