package dev.ardoise.notification.domain;

/** Why an invoice was not emailed. */
public enum SkipReason {
    NO_EMAIL, NO_CONSENT
}
