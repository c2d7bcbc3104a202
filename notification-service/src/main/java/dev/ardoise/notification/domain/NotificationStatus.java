package dev.ardoise.notification.domain;

/**
 * Where an invoice email stands. PENDING waits for the sender; SENDING is claimed by a sender (or left by a
 * crash, and taken again after a timeout); SENT, SKIPPED and FAILED are final.
 */
public enum NotificationStatus {
    PENDING, SENDING, SENT, SKIPPED, FAILED
}
