package dev.ardoise.truth;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.notification.domain.AccountLedger;
import dev.ardoise.notification.domain.ChargedInvoice;
import dev.ardoise.notification.domain.ChargedInvoices;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * notification-service: the ledger and the invoices behind "your balance after this sale", folded as its
 * persistence folds them: before each event the account's figures are loaded again with only the invoices the
 * event names and the invoice of the sale it may complete ({@link AccountLedger#saleCompletedBy}), through
 * {@link ChargedInvoices}; so the figures must not depend on invoices it was not given. Every invoice it has seen
 * is kept, as the database keeps them.
 */
final class NotificationLedgerFold implements MoneyFold {
    private AccountLedger kept = AccountLedger.empty();
    private final Map<String, ChargedInvoice> invoices = new LinkedHashMap<>();

    @Override
    public String name() {
        return "notification-service AccountLedger";
    }

    @Override
    public void apply(RecordedEvent event) {
        ChargedInvoices loaded = new ChargedInvoices(loadedFor(event));
        AccountLedger ledger = new AccountLedger(kept.creditLimit(), kept.depositBalance(), kept.holds(), kept.owed(),
                loaded.owed());
        ledger.apply(event.data());
        loaded.apply(event, ledger).forEach(invoice -> invoices.put(invoice.invoiceId(), invoice));
        kept = ledger;
    }

    private List<ChargedInvoice> loadedFor(RecordedEvent event) {
        Set<String> named = AccountLedger.invoicesNamedBy(event.data());
        String completed = AccountLedger.saleCompletedBy(event);
        return invoices.values().stream()
                .filter(invoice -> named.contains(invoice.invoiceId()) || invoice.saleId().equals(completed))
                .toList();
    }

    /** Every invoice as kept now: what it owes and the account just after its sale's command. */
    Collection<ChargedInvoice> invoices() {
        return invoices.values();
    }

    @Override
    public Figures figures() {
        return new Figures(kept.owed(), kept.depositBalance(), kept.held(), kept.available());
    }
}
