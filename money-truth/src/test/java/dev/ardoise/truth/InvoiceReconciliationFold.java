package dev.ardoise.truth;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.invoice.domain.BalanceFold;

/** invoice-service: the reconciliation's independent reckoning, straight from the catalogue's rules. */
final class InvoiceReconciliationFold implements MoneyFold {
    private final BalanceFold fold = new BalanceFold();

    @Override
    public String name() {
        return "invoice-service BalanceFold";
    }

    @Override
    public void apply(RecordedEvent event) {
        fold.fold(event.version(), event.data());
    }

    @Override
    public Figures figures() {
        BalanceFold.Figures figures = fold.figures();
        return new Figures(figures.owed(), figures.depositBalance(), figures.held(), figures.available());
    }
}
