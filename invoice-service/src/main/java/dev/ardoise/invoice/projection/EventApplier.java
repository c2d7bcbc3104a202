package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.reader.EventHandler;
import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.Amounts;
import dev.ardoise.invoice.persistence.AccountRow;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.InvoiceRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Changes the read models for one event, inside the reader's transaction. */
@ApplicationScoped
class EventApplier implements EventHandler {
    private final InvoiceLinesJson linesJson;

    EventApplier(InvoiceLinesJson linesJson) {
        this.linesJson = linesJson;
    }

    @Override
    public Uni<Void> apply(RecordedEvent recorded) {
        UUID accountId = recorded.accountId();
        long version = recorded.version();
        AccountEvent event = recorded.data();
        if (event instanceof AccountOpened opened) {
            return open(accountId, opened);
        }
        return accountOf(accountId, event).flatMap(account -> {
            account.update(account.toBalance().apply(event));
            return event instanceof SaleCharged charge ? issue(accountId, version, charge) : Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> open(UUID accountId, AccountOpened opened) {
        AccountBalance balance = AccountBalance.opened(accountId, opened);
        return AccountRow.opened(balance, opened.customerId(), opened.name()).persist().replaceWithVoid();
    }

    private static Uni<AccountRow> accountOf(UUID accountId, AccountEvent event) {
        return AccountRow.<AccountRow>findById(accountId)
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "cannot apply " + event.type() + " to account " + accountId + ": it was never opened"));
    }

    private Uni<Void> issue(UUID accountId, long version, SaleCharged charge) {
        InvoiceRow invoice = new InvoiceRow();
        invoice.invoiceId = charge.invoiceId();
        invoice.invoiceNumber = charge.invoiceNumber();
        invoice.saleId = charge.saleId();
        invoice.accountId = accountId;
        invoice.accountVersion = version;
        invoice.amount = Amounts.of(charge.amount());
        invoice.paid = Amounts.ZERO;
        invoice.lines = linesJson.write(charge.lines());
        invoice.terms = charge.terms().name();
        invoice.issuedOn = charge.issuedOn();
        invoice.dueDate = charge.dueDate();
        return invoice.persist().replaceWithVoid();
    }
}
