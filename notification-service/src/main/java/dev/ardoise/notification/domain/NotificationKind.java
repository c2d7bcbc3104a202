package dev.ardoise.notification.domain;

/** What a notification carries; one notification per invoice and kind. */
public enum NotificationKind {
    INVOICE
}
