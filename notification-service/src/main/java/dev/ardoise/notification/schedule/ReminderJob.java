package dev.ardoise.notification.schedule;

import dev.ardoise.notification.config.RemindersConfig;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.ReminderSchedule;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.LedgerInvoice;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Decides, on the store's calendar, the reminders due today for invoices still owed (neither paid nor written
 * off): one notification per invoice and offset, whatever how often it runs. The sender skips a reminder whose
 * invoice was paid in the meantime.
 */
@ApplicationScoped
public class ReminderJob {
    private final ReminderSchedule schedule;
    private final RemindersConfig config;
    private final Clock clock;
    private final Periodic periodic;

    ReminderJob(RemindersConfig config, Clock clock, Vertx vertx) {
        this.schedule = new ReminderSchedule(config.offsets().orElse(List.of()));
        this.config = config;
        this.clock = clock;
        this.periodic = new Periodic(vertx, "reminders");
    }

    void start(@Observes StartupEvent startup) {
        if (!schedule.isOff()) {
            periodic.start(config.interval(), this::decideDue);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        periodic.stop();
    }

    /** @return how many reminders it decided */
    public Uni<Integer> decideDue() {
        LocalDate today = LocalDate.now(clock);
        return LedgerInvoice.<LedgerInvoice>list("owed > 0 and writtenOff = false and dueDate <= ?1",
                        schedule.latestDueDateToRemind(today))
                .chain(invoices -> Multi.createFrom().iterable(invoices)
                        .onItem().transformToUniAndConcatenate(invoice -> schedule
                                .dueOffset(invoice.issuedOn, invoice.dueDate, today)
                                .map(offset -> decide(invoice, offset))
                                .orElse(Uni.createFrom().item(0)))
                        .collect().asList()
                        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> decide(LedgerInvoice invoice, int offset) {
        return Notification.find(invoice.accountId, NotificationKind.REMINDER, invoice.invoiceId + ":" + offset)
                .chain(existing -> existing != null ? Uni.createFrom().item(0)
                        : Contact.<Contact>findById(invoice.accountId).chain(contact -> Notification.reminder(invoice,
                                offset, contact == null ? null : contact.toContact(), clock.instant())
                                .persist().replaceWith(1)));
    }
}
