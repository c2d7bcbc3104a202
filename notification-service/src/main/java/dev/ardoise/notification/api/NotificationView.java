package dev.ardoise.notification.api;

import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.domain.SkipReason;
import dev.ardoise.notification.persistence.Notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as GET /notifications shows it. {@code recipient} is null for a skipped invoice. */
public record NotificationView(UUID notificationId, UUID accountId, String invoiceId, String invoiceNumber,
                               NotificationKind kind, String recipient, String language, NotificationStatus status,
                               SkipReason reason, int attempts, String lastError, Instant createdAt,
                               Instant sentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.accountId, n.invoiceId, n.invoiceNumber, n.kind, n.recipient,
                n.language, n.status, n.reason, n.attempts, n.lastError, n.createdAt, n.sentAt);
    }
}
