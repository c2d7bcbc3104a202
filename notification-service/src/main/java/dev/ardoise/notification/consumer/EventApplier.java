package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.domain.EventOrder;
import dev.ardoise.notification.persistence.AppliedVersion;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.ParkedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Applies an event at most once per account version, in the caller's transaction: a duplicate is skipped, the
 * next version is applied (then any parked events that now follow), and an event ahead of a gap is parked.
 */
@ApplicationScoped
class EventApplier {
    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    private final InvoiceNotifications invoices;

    EventApplier(InvoiceNotifications invoices) {
        this.invoices = invoices;
    }

    Uni<Void> apply(IncomingEvent event) {
        return AppliedVersion.<AppliedVersion>findById(event.accountId()).chain(found -> {
            AppliedVersion applied = found != null ? found : AppliedVersion.first(event.accountId());
            return switch (EventOrder.of(applied.lastVersion, event.version())) {
                case DUPLICATE -> skipDuplicate(event);
                case AFTER_GAP -> park(event, applied.lastVersion);
                case NEXT -> (found == null ? applied.persist() : Uni.createFrom().voidItem())
                        .chain(() -> applyInOrder(event, applied));
            };
        });
    }

    private Uni<Void> applyInOrder(IncomingEvent event, AppliedVersion applied) {
        return change(event)
                .invoke(() -> applied.lastVersion = event.version())
                .chain(() -> ParkedEvent.at(event.accountId(), event.version() + 1))
                .chain(parked -> parked == null ? Uni.createFrom().voidItem() : unpark(parked, applied));
    }

    private Uni<Void> unpark(ParkedEvent parked, AppliedVersion applied) {
        LOG.infof("version %d of account %s arrived after its gap closed, applying it", parked.version, parked.accountId);
        IncomingEvent event = IncomingEvent.read(parked.body);
        return parked.delete().chain(() -> applyInOrder(event, applied));
    }

    private Uni<Void> change(IncomingEvent incoming) {
        if (incoming.event().isEmpty()) {
            LOG.infof("skipping %s knowingly (its version still counts)", incoming.describe());
            return Uni.createFrom().voidItem();
        }
        AccountEvent event = incoming.event().get();
        if (event instanceof AccountOpened opened) {
            return keepContact(incoming.accountId(), opened);
        }
        if (event instanceof SaleCharged sale) {
            return invoices.decide(incoming.accountId(), sale);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> keepContact(UUID accountId, AccountOpened opened) {
        CustomerContact contact = new CustomerContact(opened.name(), opened.email(), opened.emailConsent(),
                opened.language(), opened.currency());
        return Contact.<Contact>findById(accountId).chain(found -> {
            if (found == null) {
                return Contact.of(accountId, contact).persist().replaceWithVoid();
            }
            found.update(contact);
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> skipDuplicate(IncomingEvent event) {
        LOG.debugf("duplicate %s skipped", event.describe());
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> park(IncomingEvent event, long lastApplied) {
        LOG.errorf("gap in account %s: applied up to version %d, received %d; parking it until the missing "
                + "versions arrive", event.accountId(), lastApplied, event.version());
        return ParkedEvent.at(event.accountId(), event.version()).chain(parked -> parked != null
                ? Uni.createFrom().voidItem()
                : ParkedEvent.of(event.accountId(), event.version(), event.body()).persist().replaceWithVoid());
    }
}
