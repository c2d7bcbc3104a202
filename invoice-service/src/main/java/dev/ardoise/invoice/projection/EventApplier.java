package dev.ardoise.invoice.projection;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.Amounts;
import dev.ardoise.invoice.persistence.AccountRow;
import dev.ardoise.invoice.persistence.InvoiceLinesJson;
import dev.ardoise.invoice.persistence.InvoiceRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/** Changes the read models for one event, inside the caller's transaction. */
@ApplicationScoped
class EventApplier {
    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    private final InvoiceLinesJson linesJson;

    EventApplier(InvoiceLinesJson linesJson) {
        this.linesJson = linesJson;
    }

    Uni<Void> apply(ReceivedEvent received) {
        if (!received.isKnown()) {
            LOG.warnf("skipping %s: unknown event type, its version still counts as applied", received);
            return Uni.createFrom().voidItem();
        }
        AccountEvent event = received.event();
        if (event instanceof AccountOpened opened) {
            return open(received.accountId(), opened);
        }
        return accountOf(received).flatMap(account -> {
            account.update(account.toBalance().apply(event));
            return event instanceof SaleCharged charge ? issue(received, charge) : Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> open(UUID accountId, AccountOpened opened) {
        AccountBalance balance = AccountBalance.opened(accountId, opened);
        return AccountRow.opened(balance, opened.customerId(), opened.name()).persist().replaceWithVoid();
    }

    private static Uni<AccountRow> accountOf(ReceivedEvent received) {
        return AccountRow.<AccountRow>findById(received.accountId())
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "cannot apply " + received + ": the account was never opened"));
    }

    private Uni<Void> issue(ReceivedEvent received, SaleCharged charge) {
        InvoiceRow invoice = new InvoiceRow();
        invoice.invoiceId = charge.invoiceId();
        invoice.invoiceNumber = charge.invoiceNumber();
        invoice.saleId = charge.saleId();
        invoice.accountId = received.accountId();
        invoice.accountVersion = received.version();
        invoice.amount = Amounts.of(charge.amount());
        invoice.paid = Amounts.ZERO;
        invoice.lines = linesJson.write(charge.lines());
        invoice.terms = charge.terms().name();
        invoice.issuedOn = charge.issuedOn();
        invoice.dueDate = charge.dueDate();
        return invoice.persist().replaceWithVoid();
    }
}
