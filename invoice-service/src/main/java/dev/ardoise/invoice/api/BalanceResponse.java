package dev.ardoise.invoice.api;

import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountStanding;
import dev.ardoise.invoice.domain.BalanceStatus;

import java.math.BigDecimal;
import java.util.UUID;

/** An account's balance as of today. Amounts cross HTTP as strings ("-700.00"). */
public record BalanceResponse(UUID accountId, String currency, BigDecimal creditLimit, BigDecimal balance,
                              BigDecimal depositBalance, BigDecimal available, BigDecimal overdue,
                              BalanceStatus status, long version) {

    static BalanceResponse of(AccountStanding standing, long version) {
        AccountBalance account = standing.balance();
        return new BalanceResponse(account.accountId(), account.currency(), account.creditLimit(),
                account.balance(), account.depositBalance(), account.available(), standing.overdue(),
                standing.status(), version);
    }
}
