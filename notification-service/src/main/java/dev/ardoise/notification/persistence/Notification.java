package dev.ardoise.notification.persistence;

import dev.ardoise.notification.domain.CustomerContact;
import dev.ardoise.notification.domain.Email;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.JDBCException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One email (an invoice, a reminder or a statement) as kept: where it stands is the domain's {@link Email}, which
 * this row maps to and from. One row per account, kind and subject key: deciding it again finds it and sends
 * nothing twice.
 */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {
    private static final String UNIQUE_VIOLATION = "23505";

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
    /** The account's version that completes the command of the sale an invoice email waits for; else null. */
    @Column(name = "awaited_version")
    public Long awaitedVersion;

    /** An invoice email due as soon as it is decided (a manager's resend). */
    public static Notification invoice(UUID accountId, String subjectKey, String invoiceId, String invoiceNumber,
                                       String sale, CustomerContact contact, Instant now) {
        return invoice(accountId, subjectKey, invoiceId, invoiceNumber, sale, contact, Email.decide(contact, now), now);
    }

    /** @param decided the email as the domain decided it (for a sale, waiting for the rest of its command) */
    public static Notification invoice(UUID accountId, String subjectKey, String invoiceId, String invoiceNumber,
                                       String sale, CustomerContact contact, Email decided, Instant now) {
        Notification notification = decided(accountId, NotificationKind.INVOICE, subjectKey, contact, decided, now);
        notification.invoiceId = invoiceId;
        notification.invoiceNumber = invoiceNumber;
        notification.invoice = sale;
        return notification;
    }

    public static Notification reminder(LedgerInvoice invoice, int offsetDays, CustomerContact contact, Instant now) {
        Notification notification = decided(invoice.accountId, NotificationKind.REMINDER,
                invoice.invoiceId + ":" + offsetDays, contact, Email.decide(contact, now), now);
        notification.invoiceId = invoice.invoiceId;
        notification.invoiceNumber = invoice.invoiceNumber;
        notification.invoice = invoice.sale;
        notification.offsetDays = offsetDays;
        return notification;
    }

    public static Notification statement(UUID accountId, StatementPeriod period, CustomerContact contact,
                                         Instant now) {
        Notification notification = decided(accountId, NotificationKind.STATEMENT, period.key(), contact,
                Email.decide(contact, now), now);
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

    /**
     * This resend is to go: the invoice's own email, if it still waits for its sale's command, is SKIPPED RESENT so
     * that the customer gets one. Locked as the reader and the sender lock it: one claimed meanwhile is not waiting.
     */
    public Uni<Void> supersedeWaitingOriginal() {
        if (status != NotificationStatus.PENDING) {
            return Uni.createFrom().voidItem();
        }
        return Notification.<Notification>find("accountId = ?1 and kind = ?2 and subjectKey = ?3 and status = ?4 "
                                + "and awaitedVersion is not null", accountId, NotificationKind.INVOICE, invoiceId,
                        NotificationStatus.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .invoke(original -> {
                    if (original != null) {
                        original.skip(SkipReason.RESENT);
                    }
                })
                .replaceWithVoid();
    }

    private static Notification decided(UUID accountId, NotificationKind kind, String subjectKey,
                                        CustomerContact contact, Email email, Instant now) {
        CustomerContact customer = CustomerContact.orUnknown(contact);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.accountId = accountId;
        notification.kind = kind;
        notification.subjectKey = subjectKey;
        notification.customerName = customer.name();
        notification.language = customer.language();
        notification.currency = customer.currency();
        notification.createdAt = now;
        notification.keep(email);
        return notification;
    }

    /** Where the email stands, for the domain's rules to move it. */
    public Email email() {
        return new Email(status, reason, recipient, attempts, lastError, nextAttemptAt, claimedAt, sentAt,
                awaitedVersion);
    }

    /** Keeps where the domain's rules moved the email. */
    public void keep(Email email) {
        status = email.status();
        reason = email.reason();
        recipient = email.recipient();
        attempts = email.attempts();
        lastError = email.lastError();
        nextAttemptAt = email.nextAttemptAt();
        claimedAt = email.claimedAt();
        sentAt = email.sentAt();
        awaitedVersion = email.awaitedVersion();
    }

    public void requestedBy(String user, String role) {
        requestedBy = user;
        requestedByRole = role;
    }

    /** An operator takes a parked email up again; false when it is not FAILED. */
    public boolean retry(Instant now, String user, String role) {
        Email email = email();
        if (!email.retriable()) {
            return false;
        }
        keep(email.retried(now));
        retriedBy = user;
        retriedByRole = role;
        return true;
    }

    public void skip(SkipReason why) {
        keep(email().skip(why));
    }

    /** Claimed for sending to the customer's current address. */
    public void claim(String address, Instant now) {
        keep(email().claim(address, now));
    }

    public void sent(Instant now) {
        keep(email().sent(now));
    }

    public void failed(String error, RetrySchedule schedule, Instant now) {
        keep(email().failed(error, schedule, now));
    }
}
