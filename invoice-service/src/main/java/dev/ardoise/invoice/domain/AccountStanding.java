package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import static java.util.Objects.requireNonNull;

/** An account's balance as of a day: what is owed, what of it is overdue, and so its status. */
public record AccountStanding(AccountBalance balance, BigDecimal overdue, BalanceStatus status) {

    public AccountStanding {
        requireNonNull(balance, "balance");
        requireNonNull(overdue, "overdue");
        requireNonNull(status, "status");
    }

    public static AccountStanding on(LocalDate today, AccountBalance balance, Collection<Invoice> invoices) {
        BigDecimal overdue = invoices.stream()
                .filter(invoice -> invoice.isOverdueOn(today))
                .map(Invoice::owed)
                .reduce(Amounts.zero(balance.currency()), BigDecimal::add);
        return of(balance, overdue);
    }

    /** With the overdue amount already summed (by a query). */
    public static AccountStanding of(AccountBalance balance, BigDecimal overdue) {
        BigDecimal scaled = Amounts.of(overdue, balance.currency());
        return new AccountStanding(balance, scaled, BalanceStatus.of(balance.owed(), scaled));
    }
}
