package dev.ardoise.truth;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountProjection;

import java.time.ZoneId;

/** invoice-service: the read model of balances, invoices and the ledger that every screen shows. */
final class InvoiceProjectionFold implements MoneyFold {
    private static final ZoneId STORE = ZoneId.of("America/Toronto");
    private AccountProjection projection;

    @Override
    public String name() {
        return "invoice-service AccountProjection";
    }

    @Override
    public void apply(RecordedEvent event) {
        if (projection == null) {
            projection = AccountProjection.opened(STORE, "MAIN", event);
        } else {
            projection.apply(event);
        }
    }

    @Override
    public Figures figures() {
        AccountBalance balance = projection.balance();
        return new Figures(balance.owed(), balance.depositBalance(), balance.held(), balance.available());
    }
}
