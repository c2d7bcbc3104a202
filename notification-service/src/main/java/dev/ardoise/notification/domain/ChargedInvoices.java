package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's invoices as the emails keep them, next to its {@link AccountLedger}: only those an event needs (the
 * invoices it names, {@link AccountLedger#invoicesNamedBy}, and the invoice of the sale a deposit used at the till
 * completes, {@link AccountLedger#saleCompletedBy}), so that the work per event does not grow with the history.
 * An event the ledger has folded changes what the invoices it names still owe, makes a new sale's invoice with the
 * account just after it, and a deposit used at the till for a sale (naming it, appended by the sale's own command)
 * puts itself in that sale's "after this sale".
 */
public final class ChargedInvoices {
    private final Map<String, ChargedInvoice> byId = new LinkedHashMap<>();
    private final Map<String, ChargedInvoice> bySale = new LinkedHashMap<>();

    public ChargedInvoices(Collection<ChargedInvoice> loaded) {
        loaded.forEach(this::keep);
    }

    /** What the account's ledger is to be given of these invoices. */
    public List<AccountLedger.OwedInvoice> owed() {
        return byId.values().stream().map(ChargedInvoice::toOwed).toList();
    }

    /**
     * @param recorded    the event as read, with its version and command
     * @param ledgerAfter the account's ledger with the event already folded in
     * @return the invoices the event changed or created, as they are now
     */
    public Collection<ChargedInvoice> apply(RecordedEvent recorded, AccountLedger ledgerAfter) {
        AccountEvent event = recorded.data();
        Map<String, ChargedInvoice> changed = new LinkedHashMap<>();
        for (String invoiceId : AccountLedger.invoicesNamedBy(event)) {
            ChargedInvoice known = byId.get(invoiceId);
            AccountLedger.OwedInvoice owed = ledgerAfter.invoice(invoiceId);
            if (known != null && owed != null) {
                changed.put(invoiceId, keep(known.owing(owed)));
            }
        }
        if (event instanceof SaleCharged sale && !byId.containsKey(sale.invoiceId())) {
            changed.put(sale.invoiceId(), keep(ChargedInvoice.of(sale, recorded.version(), ledgerAfter)));
        }
        String completed = AccountLedger.saleCompletedBy(recorded);
        ChargedInvoice paidAtTheTill = completed == null ? null : bySale.get(completed);
        if (paidAtTheTill != null && paidAtTheTill.soldIn(recorded.command())) {
            changed.put(paidAtTheTill.invoiceId(),
                    keep(paidAtTheTill.withFiguresAfter(AccountFigures.of(ledgerAfter))));
        }
        return changed.values();
    }

    private ChargedInvoice keep(ChargedInvoice invoice) {
        byId.put(invoice.invoiceId(), invoice);
        bySale.put(invoice.saleId(), invoice);
        return invoice;
    }
}
