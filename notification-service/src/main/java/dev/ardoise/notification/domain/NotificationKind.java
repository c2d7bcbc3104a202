package dev.ardoise.notification.domain;

/** What an email is about. One notification per account, kind and subject key (see the notifications table). */
public enum NotificationKind {
    /** The invoice of an on-account charge. */
    INVOICE,
    /** A reminder before or after an invoice's due date. */
    REMINDER,
    /** A balance-forward account statement for a period. */
    STATEMENT
}
