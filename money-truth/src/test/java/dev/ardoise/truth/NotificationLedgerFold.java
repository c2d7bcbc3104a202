package dev.ardoise.truth;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.notification.domain.AccountLedger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * notification-service: the ledger behind "your balance after this sale", used as the service uses it: before
 * each event it is loaded again from what is kept of it (the account's figures and only the invoices the event
 * names), so the figures must not depend on invoices it was not given.
 */
final class NotificationLedgerFold implements MoneyFold {
    private AccountLedger kept = AccountLedger.empty();

    @Override
    public String name() {
        return "notification-service AccountLedger";
    }

    @Override
    public void apply(RecordedEvent event) {
        Set<String> named = AccountLedger.invoicesNamedBy(event.data());
        List<AccountLedger.OwedInvoice> loaded = kept.invoices().stream()
                .filter(invoice -> named.contains(invoice.invoiceId())).toList();
        AccountLedger ledger = new AccountLedger(kept.creditLimit(), kept.depositBalance(), kept.holds(), kept.owed(),
                loaded);
        ledger.apply(event.data());
        kept = keepAll(ledger);
    }

    /** What the service writes back: the figures, and every invoice it has seen (the database keeps them all). */
    private AccountLedger keepAll(AccountLedger ledger) {
        Map<String, AccountLedger.OwedInvoice> all = new LinkedHashMap<>();
        kept.invoices().forEach(invoice -> all.put(invoice.invoiceId(), invoice));
        ledger.invoices().forEach(invoice -> all.put(invoice.invoiceId(), invoice));
        return new AccountLedger(ledger.creditLimit(), ledger.depositBalance(), ledger.holds(), ledger.owed(),
                all.values());
    }

    @Override
    public Figures figures() {
        return new Figures(kept.owed(), kept.depositBalance(), kept.held(), kept.available());
    }
}
