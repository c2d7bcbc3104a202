package dev.ardoise.notification.domain;

/** Why an email was not sent. */
public enum SkipReason {
    /** The customer has no email address. */
    NO_EMAIL,
    /** The customer has not consented, or withdrew consent before the email left. */
    NO_CONSENT,
    /** A reminder whose invoice was paid (or written off) before it left. */
    INVOICE_PAID,
    /** An invoice email still waiting for its sale's command when a manager resent the invoice: the resend goes. */
    RESENT
}
