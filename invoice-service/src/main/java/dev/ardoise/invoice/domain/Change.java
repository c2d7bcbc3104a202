package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one event changed in an account's read models: the account's figures after it, the invoices it created
 * or touched (their state after it), the holds it placed or released, and the history it added.
 */
public record Change(AccountBalance balance, List<Invoice> invoices, Map<String, BigDecimal> holdsPlaced,
                     Set<String> holdsReleased, List<LedgerEntry> entries, List<InvoiceApplication> applications) {

    public Change {
        invoices = List.copyOf(invoices);
        holdsPlaced = Map.copyOf(holdsPlaced);
        holdsReleased = Set.copyOf(holdsReleased);
        entries = List.copyOf(entries);
        applications = List.copyOf(applications);
    }
}
