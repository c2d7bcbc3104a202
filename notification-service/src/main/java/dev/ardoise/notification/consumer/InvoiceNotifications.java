package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.delivery.SenderConfig;
import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records, for each on-account charge, whether its invoice is to be emailed (PENDING) or not (SKIPPED), with the
 * consent the customer has at the time of the charge: a consent given later does not send it. A batch's charges are
 * looked up in one query and their decisions written together; a charge already decided is left alone.
 */
@ApplicationScoped
class InvoiceNotifications {
    private static final String DECIDED = "select n.accountId, n.subjectKey from Notification n "
            + "where n.accountId in :accounts and n.kind = :kind and n.subjectKey in :invoices";

    private final Clock clock;
    private final SenderConfig sender;
    /** The earliest an email decided since the sender was last told is due: the sender is woken for it. */
    private final AtomicReference<Instant> earliestDue = new AtomicReference<>();

    InvoiceNotifications(Clock clock, SenderConfig sender) {
        this.clock = clock;
        this.sender = sender;
    }

    /** The decisions of a batch's charges, knowing those already recorded. */
    Uni<Decisions> open(List<RecordedEvent> events) {
        Set<UUID> accounts = new LinkedHashSet<>();
        Set<String> invoices = new LinkedHashSet<>();
        events.forEach(event -> {
            if (event.data() instanceof SaleCharged sale) {
                accounts.add(event.accountId());
                invoices.add(sale.invoiceId());
            }
        });
        if (invoices.isEmpty()) {
            return Uni.createFrom().item(new Decisions(Set.of()));
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(DECIDED, Object[].class)
                        .setParameter("accounts", accounts)
                        .setParameter("kind", NotificationKind.INVOICE)
                        .setParameter("invoices", invoices)
                        .getResultList())
                .map(rows -> {
                    Set<String> decided = new HashSet<>();
                    rows.forEach(row -> decided.add(key((UUID) row[0], (String) row[1])));
                    return new Decisions(decided);
                });
    }

    /** The earliest due time of the emails decided since the last call, if any: to wake the sender then. */
    Optional<Instant> takeEarliestDue() {
        return Optional.ofNullable(earliestDue.getAndSet(null));
    }

    private void due(Instant at) {
        earliestDue.accumulateAndGet(at, (known, given) -> known == null || given.isBefore(known) ? given : known);
    }

    private static String key(UUID accountId, String invoiceId) {
        return accountId + ":" + invoiceId;
    }

    /** A batch's invoice emails, decided in the order of its charges. */
    final class Decisions {
        private final Set<String> decided;
        private final List<Notification> recorded = new ArrayList<>();

        private Decisions(Set<String> decided) {
            this.decided = new HashSet<>(decided);
        }

        /** @param contact the customer's contact just before the charge; null for an account never opened here */
        void decide(UUID accountId, SaleCharged sale, CustomerContact contact) {
            if (!decided.add(key(accountId, sale.invoiceId()))) {
                return;
            }
            recorded.add(Notification.invoice(accountId, sale.invoiceId(), sale.invoiceId(), sale.invoiceNumber(),
                    AccountEventJson.writeData(sale), contact, clock.instant(), sender.invoiceDelay()));
        }

        Uni<Void> save() {
            if (recorded.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            recorded.stream().filter(n -> n.status == NotificationStatus.PENDING)
                    .forEach(n -> due(n.nextAttemptAt));
            return PanacheEntityBase.persist(recorded);
        }
    }
}
