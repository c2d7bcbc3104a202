package dev.ardoise.account.domain;

/** OPEN charges; SUSPENDED takes payments and deposits but no charge or hold; CLOSED accepts nothing more. */
public enum AccountStatus {
    OPEN, SUSPENDED, CLOSED
}
