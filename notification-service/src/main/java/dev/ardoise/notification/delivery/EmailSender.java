package dev.ardoise.notification.delivery;

import dev.ardoise.events.reader.SafeContext;
import dev.ardoise.notification.domain.AccountFigures;
import dev.ardoise.notification.domain.InvoiceDecision;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.domain.RetrySchedule;
import dev.ardoise.notification.domain.SkipReason;
import dev.ardoise.notification.persistence.Contact;
import dev.ardoise.notification.persistence.LedgerInvoice;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sender loop, for every kind of email. Every {@code ardoise.sender.interval} it claims due emails in one
 * transaction (PENDING and due, or waiting for a command the reader's position has reached, or SENDING for longer
 * than the sending timeout; {@code FOR UPDATE SKIP LOCKED} so
 * that several instances never claim the same row). Right before sending it checks again what may have changed
 * since the decision: an email whose customer withdrew consent (or has no address any more) is SKIPPED
 * NO_CONSENT (NO_EMAIL), a reminder whose invoice was paid SKIPPED INVOICE_PAID; the others are marked SENDING with
 * the attempt counted. It then sends each one (at most {@code batch-size} in flight, none waiting for another) and
 * records SENT, or the failure with the next attempt after a back-off, or FAILED after the last attempt.
 * <p>
 * The reader wakes it ({@link #wakeAt}) after a transaction that decided emails commits, for when the first of them
 * is due, so that an email goes out as soon as it may rather than at the next look; the periodic look stays, for
 * the rest (retries, reminders, statements, another instance's decisions).
 * <p>
 * At least once: a crash between the SMTP server's acceptance and the SENT record leaves the email SENDING, and it
 * is sent again after the sending timeout; so does a database that does not answer from the send until the claim
 * is about to lapse (the record is tried again until then). That is the window in which a customer may get an email
 * twice.
 */
@ApplicationScoped
public class EmailSender {
    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final long FAILED_GAUGE_EVERY_MS = 2000;
    private static final Duration RECORD_RETRY_FIRST = Duration.ofMillis(250);
    private static final Duration RECORD_RETRY_MOST = Duration.ofSeconds(2);
    /**
     * An invoice email waiting for its sale's command is due once the reader's position for its account has reached
     * the awaited version, however it got there: applied, skipped by an operator, or an unknown event type counted.
     */
    private static final String CLAIM_DUE = """
            select n.* from notifications n
            where (n.status = 'PENDING' and n.next_attempt_at <= :now)
               or (n.status = 'PENDING' and n.awaited_version <= (select p.last_version from reader_position p
                                                                  where p.account_id = n.account_id))
               or (n.status = 'SENDING' and n.claimed_at <= :abandonedBefore)
            order by coalesce(n.next_attempt_at, n.claimed_at, n.created_at)
            limit :batchSize
            for update of n skip locked""";

    private final Vertx vertx;
    private final ReactiveMailer mailer;
    private final Emails emails;
    private final SenderConfig config;
    private final DeliveryMetrics metrics;
    private final RetrySchedule retries;
    private final Clock clock;
    private final AtomicBoolean claiming = new AtomicBoolean();
    /** A wake-up came while a claim was running: claim again right after it, for what it may have missed. */
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private long timer = -1;
    private long gaugeTimer = -1;

    EmailSender(Vertx vertx, ReactiveMailer mailer, Emails emails, SenderConfig config, DeliveryMetrics metrics,
                Clock clock) {
        this.clock = clock;
        this.vertx = vertx;
        this.mailer = mailer;
        this.emails = emails;
        this.config = config;
        this.metrics = metrics;
        this.retries = new RetrySchedule(config.maxAttempts(), config.backoffBase(), config.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.interval().toMillis(), ignored -> tick());
        gaugeTimer = vertx.setPeriodic(FAILED_GAUGE_EVERY_MS, ignored -> countFailed());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
        vertx.cancelTimer(gaugeTimer);
    }

    /**
     * Looks for due emails at {@code due} (now if it has come), earlier than the next periodic look. Claiming is
     * unchanged: what another look has claimed meanwhile is not claimed again.
     */
    public void wakeAt(Instant due) {
        long delay = Duration.between(clock.instant(), due).toMillis();
        if (delay <= 0) {
            vertx.runOnContext(ignored -> tick());
        } else {
            vertx.setTimer(delay, ignored -> tick());
        }
    }

    /**
     * Claims as many due emails as there is room for ({@code batch-size} sends in flight at most) and sends them
     * without waiting for them: a send that hangs until its timeout holds up its own email, not the others.
     */
    private void tick() {
        int room = config.batchSize() - inFlight.get();
        if (room <= 0) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        SafeContext.fresh(vertx).run(() -> Panache.withTransaction(() -> claimDue(room)))
                .subscribe().with(
                        claimed -> {
                            claiming.set(false);
                            claimed.forEach(this::sendInBackground);
                            if (again.getAndSet(false)) {
                                tick();
                            }
                        },
                        failure -> {
                            claiming.set(false);
                            LOG.warnf("the sender could not claim due emails, will try again: %s", failure.toString());
                        });
    }

    private void sendInBackground(ClaimedEmail email) {
        inFlight.incrementAndGet();
        deliver(email).subscribe().with(ignored -> inFlight.decrementAndGet(), failure -> inFlight.decrementAndGet());
    }

    private void countFailed() {
        SafeContext.fresh(vertx).run(() -> Panache.withSession(() -> Notification.count("status",
                        NotificationStatus.FAILED)))
                .subscribe().with(metrics::failedNow,
                        failure -> LOG.debugf("could not count failed emails: %s", failure.toString()));
    }

    private Uni<List<ClaimedEmail>> claimDue(int room) {
        Instant now = clock.instant();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM_DUE, Notification.class)
                        .setParameter("now", now)
                        .setParameter("abandonedBefore", now.minus(config.sendingTimeout()))
                        .setParameter("batchSize", room)
                        .getResultList())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(notification -> checkAgain(notification, now))
                        .filter(Optional::isPresent).map(Optional::get)
                        .collect().asList());
    }

    /** What may have changed since the decision: consent, address, and whether a reminded invoice is paid. */
    private Uni<Optional<ClaimedEmail>> checkAgain(Notification notification, Instant now) {
        return Contact.<Contact>findById(notification.accountId).chain(contact -> {
            InvoiceDecision decision = InvoiceDecision.decide(contact == null ? null : contact.toContact());
            if (!decision.toSend()) {
                return skip(notification, decision.reason(), now);
            }
            notification.customerName = contact.name;
            notification.language = contact.language;
            if (notification.invoiceId == null) {
                return claim(notification, contact.email, null, null, now);
            }
            return LedgerInvoice.<LedgerInvoice>findById(notification.invoiceId).chain(invoice -> {
                if (notification.kind == NotificationKind.REMINDER && (invoice == null || !invoice.stillOwed())) {
                    return skip(notification, SkipReason.INVOICE_PAID, now);
                }
                return invoice == null ? claim(notification, contact.email, null, null, now)
                        : claim(notification, contact.email, invoice.toCharged().owedNow(),
                        invoice.after(), now);
            });
        });
    }

    private Uni<Optional<ClaimedEmail>> skip(Notification notification, SkipReason reason, Instant now) {
        notification.skip(reason);
        metrics.skipped(notification.kind, reason);
        LOG.infof("%s notification %s skipped right before sending: %s", notification.kind, notification.id, reason);
        return Uni.createFrom().item(Optional.empty());
    }

    private static Uni<Optional<ClaimedEmail>> claim(Notification notification, String address,
                                                     java.math.BigDecimal owedNow, AccountFigures after,
                                                     Instant now) {
        notification.claim(address, now);
        return Uni.createFrom().item(Optional.of(ClaimedEmail.of(notification, owedNow, after)));
    }

    private Uni<Void> deliver(ClaimedEmail email) {
        Instant claimLapses = clock.instant().plus(config.sendingTimeout());
        return Uni.createFrom().deferred(() -> send(email))
                .onItemOrFailure().transformToUni((ignored, failure) -> recorded(email, failure, claimLapses))
                .onFailure().invoke(e -> LOG.errorf("could not record the outcome of notification %s (it will be "
                        + "taken again after the sending timeout): %s", email.id(), e.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * The outcome recorded, tried again while the database does not answer (stopped, failing over) until a tenth of
     * the sending timeout before the claim lapses: an email sent but not recorded is sent again once another sender
     * may take it, so a record made in time is a copy the customer does not get. Recording twice changes nothing.
     */
    private Uni<Void> recorded(ClaimedEmail email, Throwable failure, Instant claimLapses) {
        Uni<Void> record = Uni.createFrom().deferred(() ->
                SafeContext.fresh(vertx).run(() -> Panache.withTransaction(() -> record(email, failure))));
        Duration left = Duration.between(clock.instant(), claimLapses.minus(config.sendingTimeout().dividedBy(10)));
        if (left.isNegative() || left.isZero()) {
            return record;
        }
        return record.onFailure().retry().withBackOff(RECORD_RETRY_FIRST, RECORD_RETRY_MOST).expireIn(left.toMillis());
    }

    private Uni<Void> send(ClaimedEmail email) {
        return emails.compose(email)
                .chain(mail -> mailer.send(mail))
                .ifNoItem().after(config.sendTimeout()).fail();
    }

    private Uni<Void> record(ClaimedEmail email, Throwable failure) {
        return Notification.<Notification>findById(email.id()).invoke(notification -> {
            if (notification == null || notification.status != NotificationStatus.SENDING
                    || notification.attempts != email.attempt()) {
                LOG.warnf("notification %s was taken again by another sender; leaving it as it is", email.id());
                return;
            }
            Instant now = clock.instant();
            if (failure == null) {
                notification.sent(now);
                metrics.sent(email.kind());
                LOG.infof("%s %s emailed (notification %s, attempt %d)", email.kind(), subject(email), email.id(),
                        email.attempt());
            } else {
                notification.failed(describe(failure), retries, now);
                if (notification.status == NotificationStatus.FAILED) {
                    metrics.givenUp(email.kind());
                }
                // The reason's kind only: an SMTP server's message may quote the recipient's address.
                LOG.warnf("%s %s not emailed (notification %s, attempt %d, now %s): %s", email.kind(), subject(email),
                        email.id(), email.attempt(), notification.status, failure.getClass().getSimpleName());
            }
        }).replaceWithVoid();
    }

    /** The invoice number or the statement's period: nothing personal. */
    private static String subject(ClaimedEmail email) {
        return email.invoiceNumber() != null ? email.invoiceNumber()
                : email.periodFrom() + ".." + email.periodTo();
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
