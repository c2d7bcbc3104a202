package dev.ardoise.notification.schedule;

import dev.ardoise.notification.config.StatementsConfig;
import dev.ardoise.notification.domain.MonthlyStatements;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.StatementPeriod;
import dev.ardoise.notification.persistence.Contact;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.UUID;

/**
 * Decides last month's statement for every account that owes something on an invoice issued by the end of that
 * month, once per account and month.
 */
@ApplicationScoped
public class MonthlyStatementJob {
    private final MonthlyStatements monthly;
    private final StatementsConfig config;
    private final Clock clock;
    private final Periodic periodic;

    MonthlyStatementJob(StatementsConfig config, Clock clock, Vertx vertx) {
        this.monthly = new MonthlyStatements(config.monthlyDay().orElse(null));
        this.config = config;
        this.clock = clock;
        this.periodic = new Periodic(vertx, "monthly statements");
    }

    void start(@Observes StartupEvent startup) {
        if (config.monthlyDay().isPresent()) {
            periodic.start(config.interval(), this::decideDue);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        periodic.stop();
    }

    /** @return how many statements it decided */
    public Uni<Integer> decideDue() {
        return monthly.due(LocalDate.now(clock)).map(this::decide).orElse(Uni.createFrom().item(0));
    }

    private Uni<Integer> decide(StatementPeriod period) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select distinct accountId from LedgerInvoice where owed > 0 and writtenOff = false "
                                + "and issuedOn <= :to", UUID.class).setParameter("to", period.to()).getResultList())
                .chain(accounts -> Multi.createFrom().iterable(accounts)
                        .onItem().transformToUniAndConcatenate(accountId -> decide(accountId, period))
                        .collect().asList()
                        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> decide(UUID accountId, StatementPeriod period) {
        return Notification.find(accountId, NotificationKind.STATEMENT, period.key())
                .chain(existing -> existing != null ? Uni.createFrom().item(0)
                        : Contact.<Contact>findById(accountId).chain(contact -> Notification.statement(accountId,
                                period, contact == null ? null : contact.toContact(), clock.instant())
                                .persist().replaceWith(1)));
    }
}
