package dev.ardoise.notification.persistence;

import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.domain.InvoiceDecision;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.domain.RetrySchedule;
import dev.ardoise.notification.domain.SkipReason;
import dev.ardoise.notification.domain.StatementPeriod;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.JDBCException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One email (an invoice, a reminder or a statement): decided when its event is consumed or its job runs (PENDING
 * or SKIPPED), then claimed, checked again (consent, still owed), sent and recorded by the sender. One row per
 * account, kind and subject key: deciding it again finds it and sends nothing twice.
 */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {
    private static final String UNIQUE_VIOLATION = "23505";

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "invoice_id")
    public String invoiceId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    /** What, within the account and kind, it is about: the invoice, invoice:offset, from..to, resend:key. */
    @Column(name = "subject_key")
    public String subjectKey;
    /** A reminder's days from the due date. */
    @Column(name = "offset_days")
    public Integer offsetDays;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    /** The user who asked for it (its token's subject) and the role it acted in; null when the service decided it. */
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_by_role")
    public String requestedByRole;
    /** The operator who last took it up again after it was parked, and the role it acted in. */
    @Column(name = "retried_by")
    public String retriedBy;
    @Column(name = "retried_by_role")
    public String retriedByRole;
    public String recipient;
    @Column(name = "customer_name")
    public String customerName;
    public String language;
    public String currency;
    /** The SaleCharged event's own JSON for an invoice or a reminder; null for a statement. */
    public String invoice;
    @Enumerated(EnumType.STRING)
    public NotificationStatus status;
    @Enumerated(EnumType.STRING)
    public SkipReason reason;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;

    /** @param delay how long it waits for the rest of its sale's events before it is sent */
    public static Notification invoice(UUID accountId, String subjectKey, String invoiceId, String invoiceNumber,
                                       String sale, CustomerContact contact, Instant now, Duration delay) {
        Notification notification = decided(accountId, NotificationKind.INVOICE, subjectKey, contact, now);
        if (notification.nextAttemptAt != null) {
            // the events a sale's command appended after it (the deposit used at the till) land first
            notification.nextAttemptAt = now.plus(delay);
        }
        notification.invoiceId = invoiceId;
        notification.invoiceNumber = invoiceNumber;
        notification.invoice = sale;
        return notification;
    }

    public static Notification reminder(LedgerInvoice invoice, int offsetDays, CustomerContact contact, Instant now) {
        Notification notification = decided(invoice.accountId, NotificationKind.REMINDER,
                invoice.invoiceId + ":" + offsetDays, contact, now);
        notification.invoiceId = invoice.invoiceId;
        notification.invoiceNumber = invoice.invoiceNumber;
        notification.invoice = invoice.sale;
        notification.offsetDays = offsetDays;
        return notification;
    }

    public static Notification statement(UUID accountId, StatementPeriod period, CustomerContact contact,
                                         Instant now) {
        Notification notification = decided(accountId, NotificationKind.STATEMENT, period.key(), contact, now);
        notification.periodFrom = period.from();
        notification.periodTo = period.to();
        return notification;
    }

    /**
     * Records a notification a manager asked for, once: {@code record} runs in a transaction of its own; when the
     * unique key (account, kind, subject) refuses its row because an identical request recorded one at the same
     * moment, the answer is {@code alreadyRecorded}'s, read after that request committed.
     */
    public static <T> Uni<T> recordOnce(Supplier<Uni<T>> record, Supplier<Uni<T>> alreadyRecorded) {
        return Panache.withTransaction(record)
                .onFailure(Notification::recordedMeanwhile).recoverWithUni(() -> Panache.withSession(alreadyRecorded));
    }

    private static boolean recordedMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            if (UNIQUE_VIOLATION.equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** The notification already decided for this subject, or null. */
    public static Uni<Notification> find(UUID accountId, NotificationKind kind, String subjectKey) {
        return Notification.<Notification>find("accountId = ?1 and kind = ?2 and subjectKey = ?3",
                accountId, kind, subjectKey).firstResult();
    }

    private static Notification decided(UUID accountId, NotificationKind kind, String subjectKey,
                                        CustomerContact contact, Instant now) {
        InvoiceDecision decision = InvoiceDecision.decide(contact);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.accountId = accountId;
        notification.kind = kind;
        notification.subjectKey = subjectKey;
        // The address is kept only for emails that will be sent.
        notification.recipient = decision.toSend() ? contact.email() : null;
        notification.customerName = contact == null ? "" : contact.name();
        notification.language = contact == null ? "en" : contact.language();
        notification.currency = contact == null ? "CAD" : contact.currency();
        notification.decide(decision, now);
        return notification;
    }

    public void decide(InvoiceDecision decision, Instant now) {
        status = decision.status();
        reason = decision.reason();
        createdAt = now;
        nextAttemptAt = decision.toSend() ? now : null;
    }

    /** Withdrawn consent, or a paid invoice, found right before sending: the email does not leave. */
    public void skip(SkipReason why, Instant now) {
        status = NotificationStatus.SKIPPED;
        reason = why;
        recipient = null;
        nextAttemptAt = null;
        claimedAt = null;
    }

    public void requestedBy(String user, String role) {
        requestedBy = user;
        requestedByRole = role;
    }

    /** An operator takes a parked email up again: a fresh round of attempts. */
    public boolean retry(Instant now, String user, String role) {
        if (status != NotificationStatus.FAILED) {
            return false;
        }
        retriedBy = user;
        retriedByRole = role;
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        return true;
    }

    /** Recorded before sending: a crash from here on leaves it SENDING, taken again after a timeout. */
    public void claim(Instant now) {
        status = NotificationStatus.SENDING;
        attempts++;
        claimedAt = now;
    }

    public void sent(Instant now) {
        status = NotificationStatus.SENT;
        sentAt = now;
        lastError = null;
        nextAttemptAt = null;
    }

    public void failed(String error, RetrySchedule schedule, Instant now) {
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        RetrySchedule.NextStep next = schedule.afterFailure(attempts, now);
        status = next.status();
        nextAttemptAt = next.nextAttemptAt();
    }
}
