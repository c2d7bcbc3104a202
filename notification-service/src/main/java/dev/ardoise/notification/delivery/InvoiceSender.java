package dev.ardoise.notification.delivery;

import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.domain.RetrySchedule;
import dev.ardoise.notification.persistence.Notification;
import dev.ardoise.events.reader.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sender loop. Every {@code ardoise.sender.interval} it claims due emails in one transaction (PENDING and due,
 * or SENDING for longer than the sending timeout; {@code FOR UPDATE SKIP LOCKED} so that several instances never
 * claim the same row), marking them SENDING and counting the attempt. It then sends each one and records SENT, or
 * the failure with the next attempt after a back-off, or FAILED after the last attempt.
 * <p>
 * At least once: a crash between the SMTP server's acceptance and the SENT record leaves the email SENDING, and it
 * is sent again after the sending timeout. That is the one window in which a customer may get an email twice.
 */
@ApplicationScoped
public class InvoiceSender {
    private static final Logger LOG = Logger.getLogger(InvoiceSender.class);
    private static final int PARALLEL_SENDS = 4;
    private static final String CLAIM_DUE = """
            select * from notifications
            where (status = 'PENDING' and next_attempt_at <= :now)
               or (status = 'SENDING' and claimed_at <= :abandonedBefore)
            order by coalesce(next_attempt_at, claimed_at)
            limit :batchSize
            for update skip locked""";

    private final Vertx vertx;
    private final ReactiveMailer mailer;
    private final InvoiceMails mails;
    private final SenderConfig config;
    private final RetrySchedule retries;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    InvoiceSender(Vertx vertx, ReactiveMailer mailer, InvoiceMails mails, SenderConfig config) {
        this.vertx = vertx;
        this.mailer = mailer;
        this.mails = mails;
        this.config = config;
        this.retries = new RetrySchedule(config.maxAttempts(), config.backoffBase(), config.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.interval().toMillis(), ignored -> tick());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        SafeContext.fresh(vertx).run(() -> Panache.withTransaction(this::claimDue))
                .chain(this::sendAll)
                .subscribe().with(
                        ignored -> running.set(false),
                        failure -> {
                            running.set(false);
                            LOG.warnf("the sender could not claim due emails, will try again: %s", failure.toString());
                        });
    }

    private Uni<List<ClaimedEmail>> claimDue() {
        Instant now = Instant.now();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM_DUE, Notification.class)
                        .setParameter("now", now)
                        .setParameter("abandonedBefore", now.minus(config.sendingTimeout()))
                        .setParameter("batchSize", config.batchSize())
                        .getResultList())
                .map(due -> due.stream().map(notification -> {
                    notification.claim(now);
                    return ClaimedEmail.of(notification);
                }).toList());
    }

    private Uni<Void> sendAll(List<ClaimedEmail> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(this::deliver).merge(PARALLEL_SENDS)
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> deliver(ClaimedEmail email) {
        return Uni.createFrom().deferred(() -> send(email))
                .onItemOrFailure().transformToUni((ignored, failure) ->
                        SafeContext.fresh(vertx).run(() -> Panache.withTransaction(() -> record(email, failure))))
                .onFailure().invoke(e -> LOG.errorf("could not record the outcome of notification %s (it will be "
                        + "taken again after the sending timeout): %s", email.id(), e.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(ClaimedEmail email) {
        Mail mail = mails.compose(email);
        return mailer.send(mail).ifNoItem().after(config.sendTimeout()).fail();
    }

    private Uni<Void> record(ClaimedEmail email, Throwable failure) {
        return Notification.<Notification>findById(email.id()).invoke(notification -> {
            if (notification == null || notification.status != NotificationStatus.SENDING
                    || notification.attempts != email.attempt()) {
                LOG.warnf("notification %s was taken again by another sender; leaving it as it is", email.id());
                return;
            }
            Instant now = Instant.now();
            if (failure == null) {
                notification.sent(now);
                LOG.infof("invoice %s emailed (notification %s, attempt %d)",
                        email.invoiceNumber(), email.id(), email.attempt());
            } else {
                notification.failed(describe(failure), retries, now);
                LOG.warnf("invoice %s not emailed (notification %s, attempt %d, now %s): %s",
                        email.invoiceNumber(), email.id(), email.attempt(), notification.status,
                        failure.getClass().getSimpleName());
                LOG.debugf(failure, "invoice %s not emailed", email.invoiceNumber());
            }
        }).replaceWithVoid();
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
