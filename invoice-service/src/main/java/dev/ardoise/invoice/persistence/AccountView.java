package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountStanding;

import java.time.LocalDate;
import java.util.List;

/** An account as the read models know it: its balance, its invoices (newest first), and how far it is projected. */
public record AccountView(AccountBalance balance, List<InvoiceRow> invoices, long version) {

    public AccountStanding standingOn(LocalDate today) {
        return AccountStanding.on(today, balance,
                invoices.stream().map(row -> row.toInvoice(balance.currency())).toList());
    }

    public boolean hasReached(long minVersion) {
        return version >= minVersion;
    }
}
