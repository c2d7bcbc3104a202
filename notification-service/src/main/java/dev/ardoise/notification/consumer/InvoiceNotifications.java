package dev.ardoise.notification.consumer;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.domain.Email;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records, for each on-account charge, whether its invoice is to be emailed (PENDING) or not (SKIPPED), with the
 * consent the customer has at the time of the charge: a consent given later does not send it. An email to send is
 * due once the reader has applied the whole of the sale's command ({@link Email#ofSale}): at once when the sale is
 * its command's last event, else when the command's last version is applied, in this batch or a later one. A batch's
 * charges are looked up in one query (and, when it completes a command, the emails still waiting on its accounts in
 * another) and their decisions written together; a charge already decided is left alone. The waiting emails are
 * locked as they are loaded: the sender (which also takes a waiting email once the reader's position has reached
 * its version, however it got there: an operator's skip, an unknown event type) or a manager's resend may change
 * them meanwhile, and an email claimed or superseded meanwhile is no longer waiting.
 */
@ApplicationScoped
class InvoiceNotifications {
    private static final String DECIDED = "select n.accountId, n.subjectKey from Notification n "
            + "where n.accountId in :accounts and n.kind = :kind and n.subjectKey in :invoices";
    private static final String WAITING = "from Notification n where n.accountId in :accounts "
            + "and n.awaitedVersion is not null and n.status = :pending";

    private final Clock clock;
    /** The earliest an email decided since the sender was last told is due: the sender is woken for it. */
    private final AtomicReference<Instant> earliestDue = new AtomicReference<>();

    InvoiceNotifications(Clock clock) {
        this.clock = clock;
    }

    /** The decisions of a batch's charges, knowing those already recorded and those waiting for their command. */
    Uni<Decisions> open(List<RecordedEvent> events) {
        Set<UUID> accounts = new LinkedHashSet<>();
        Set<String> invoices = new LinkedHashSet<>();
        Set<UUID> completing = new LinkedHashSet<>();
        events.forEach(event -> {
            if (event.data() instanceof SaleCharged sale) {
                accounts.add(event.accountId());
                invoices.add(sale.invoiceId());
            }
            if (completesCommand(event)) {
                completing.add(event.accountId());
            }
        });
        return decided(accounts, invoices)
                .chain(decided -> waiting(completing).map(waiting -> new Decisions(decided, waiting)));
    }

    /** The last event of a command that appended more than one: an email may wait for it. */
    private static boolean completesCommand(RecordedEvent event) {
        CommandVersions command = event.command();
        return command.endsAt(event.version()) && command.firstVersion() < command.lastVersion();
    }

    private static Uni<Set<String>> decided(Set<UUID> accounts, Set<String> invoices) {
        if (invoices.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(DECIDED, Object[].class)
                        .setParameter("accounts", accounts)
                        .setParameter("kind", NotificationKind.INVOICE)
                        .setParameter("invoices", invoices)
                        .getResultList())
                .map(rows -> {
                    Set<String> decided = new HashSet<>();
                    rows.forEach(row -> decided.add(key((UUID) row[0], (String) row[1])));
                    return decided;
                });
    }

    private static Uni<List<Notification>> waiting(Set<UUID> accounts) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(WAITING, Notification.class)
                .setParameter("accounts", accounts)
                .setParameter("pending", NotificationStatus.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
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
        private final Map<UUID, List<Notification>> waiting = new HashMap<>();
        private final List<Instant> dueAt = new ArrayList<>();

        private Decisions(Set<String> decided, List<Notification> waiting) {
            this.decided = new HashSet<>(decided);
            waiting.forEach(this::waits);
        }

        private void waits(Notification notification) {
            waiting.computeIfAbsent(notification.accountId, id -> new ArrayList<>()).add(notification);
        }

        /**
         * @param sale    the charge as read, with its version and command
         * @param contact the customer's contact just before the charge; null for an account never opened here
         */
        void decide(RecordedEvent sale, CustomerContact contact) {
            SaleCharged charge = (SaleCharged) sale.data();
            if (!decided.add(key(sale.accountId(), charge.invoiceId()))) {
                return;
            }
            Instant now = clock.instant();
            Email email = Email.ofSale(contact, sale.version(), sale.command(), now);
            Notification notification = Notification.invoice(sale.accountId(), charge.invoiceId(),
                    charge.invoiceId(), charge.invoiceNumber(), AccountEventJson.writeData(charge), contact, email,
                    now);
            recorded.add(notification);
            if (email.awaitsCommand()) {
                waits(notification);
            } else if (email.status() == NotificationStatus.PENDING) {
                dueAt.add(email.nextAttemptAt());
            }
        }

        /** The reader applied this version of the account: the emails waiting for it become due. */
        void applied(UUID accountId, long version) {
            List<Notification> ofAccount = waiting.get(accountId);
            if (ofAccount == null) {
                return;
            }
            Instant now = clock.instant();
            ofAccount.removeIf(notification -> {
                notification.keep(notification.email().afterApplied(version, now));
                if (notification.awaitedVersion != null) {
                    return false;
                }
                dueAt.add(notification.nextAttemptAt);
                return true;
            });
        }

        Uni<Void> save() {
            dueAt.forEach(InvoiceNotifications.this::due);
            return recorded.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(recorded);
        }
    }
}
