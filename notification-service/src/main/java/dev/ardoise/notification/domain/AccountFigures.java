package dev.ardoise.notification.domain;

import java.math.BigDecimal;

/** An account's balance (negative when the customer owes) and available credit at one moment. */
public record AccountFigures(BigDecimal balance, BigDecimal available) {
    public static AccountFigures of(AccountLedger ledger) {
        return new AccountFigures(ledger.balance(), ledger.available());
    }
}
