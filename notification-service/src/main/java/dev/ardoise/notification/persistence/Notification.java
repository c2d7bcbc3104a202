package dev.ardoise.notification.persistence;

import dev.ardoise.notification.domain.InvoiceDecision;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.domain.RetrySchedule;
import dev.ardoise.notification.domain.SkipReason;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One invoice email: decided when the charge is consumed (PENDING or SKIPPED), then claimed, sent and
 * recorded by the sender. It keeps what the email needs (recipient, language, the invoice itself) as they
 * were at the time of the charge.
 */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {
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
    public String recipient;
    @Column(name = "customer_name")
    public String customerName;
    public String language;
    public String currency;
    /** The SaleCharged event's own JSON: what the email shows. */
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

    public void decide(InvoiceDecision decision, Instant now) {
        status = decision.status();
        reason = decision.reason();
        createdAt = now;
        nextAttemptAt = decision.toSend() ? now : null;
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
