package dev.ardoise.invoice.domain;

/** Whether the account may charge: OPEN, SUSPENDED (payments and deposits only), CLOSED (nothing more). */
public enum AccountStatus {
    OPEN, SUSPENDED, CLOSED
}
