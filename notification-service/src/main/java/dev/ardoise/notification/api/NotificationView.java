package dev.ardoise.notification.api;

import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.domain.SkipReason;
import dev.ardoise.notification.persistence.Notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A notification as the API shows it. {@code recipient} is null for a skipped email; {@code offsetDays} is a
 * reminder's, {@code periodFrom}/{@code periodTo} a statement's. {@code requestedBy} and {@code retriedBy} are the
 * users (token subjects) who asked for it and who last took it up again, with the role each acted in.
 */
public record NotificationView(UUID notificationId, UUID accountId, String invoiceId, String invoiceNumber,
                               NotificationKind kind, String subjectKey, Integer offsetDays, LocalDate periodFrom,
                               LocalDate periodTo, String recipient, String language, NotificationStatus status,
                               SkipReason reason, int attempts, String lastError, String requestedBy,
                               String requestedByRole, String retriedBy, String retriedByRole,
                               Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.accountId, n.invoiceId, n.invoiceNumber, n.kind, n.subjectKey,
                n.offsetDays, n.periodFrom, n.periodTo, n.recipient, n.language, n.status, n.reason, n.attempts,
                n.lastError, n.requestedBy, n.requestedByRole, n.retriedBy, n.retriedByRole, n.createdAt,
                n.sentAt);
    }
}
