package dev.ardoise.invoice.api;

import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountStanding;
import dev.ardoise.invoice.domain.AccountStatus;
import dev.ardoise.invoice.domain.BalanceStatus;

import java.math.BigDecimal;
import java.util.UUID;

/** An account's balance as of today. Amounts cross HTTP as strings ("-700.00"). */
public record BalanceResponse(UUID accountId, String customerId, String customerName, String currency,
                              BigDecimal creditLimit, BigDecimal balance, BigDecimal depositBalance, BigDecimal held,
                              BigDecimal available, BigDecimal overdue, BalanceStatus status,
                              AccountStatus accountStatus, long version) {

    static BalanceResponse of(AccountStanding standing, long version) {
        AccountBalance account = standing.balance();
        return new BalanceResponse(account.accountId(), account.customerId(), account.customerName(),
                account.currency(), account.creditLimit(), account.balance(), account.depositBalance(),
                account.held(), account.available(), standing.overdue(), standing.status(),
                account.accountStatus(), version);
    }
}
