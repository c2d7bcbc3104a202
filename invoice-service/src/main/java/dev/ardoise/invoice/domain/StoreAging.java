package dev.ardoise.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The store's aging as of a day, folded invoice after invoice in account order: one account's invoices at a time,
 * so that the whole store's never need to be held. Keeps a row per account that owes, and totals per currency.
 */
public final class StoreAging {
    private final LocalDate asOf;
    private final List<AccountAging> accounts = new ArrayList<>();
    private final Map<String, Aging> totals = new TreeMap<>();
    private AccountAging current;

    public StoreAging(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** One account's aging, and who the customer is. */
    public record AccountAging(UUID accountId, String customerId, String customerName, String currency,
                               Aging aging) {
    }

    /** What was owed on one invoice; every invoice of an account comes after the one before it, none between. */
    public void add(UUID accountId, String customerId, String customerName, String currency, LocalDate dueDate,
                    BigDecimal owed) {
        if (current == null || !current.accountId().equals(accountId)) {
            close();
            current = new AccountAging(accountId, customerId, customerName, currency, Aging.none(currency));
        }
        current = new AccountAging(accountId, customerId, customerName, currency,
                current.aging().with(asOf, dueDate, owed));
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The accounts that owe something, in the order they came. */
    public List<AccountAging> accounts() {
        close();
        return List.copyOf(accounts);
    }

    public Map<String, Aging> totals() {
        close();
        return Collections.unmodifiableMap(new TreeMap<>(totals));
    }

    private void close() {
        if (current != null && current.aging().total().signum() != 0) {
            accounts.add(current);
            totals.merge(current.currency(), current.aging(), Aging::plus);
        }
        current = null;
    }
}
