package dev.ardoise.invoice.domain;

/** What lowered (or raised) what is owed on an invoice. */
public enum ApplicationKind {
    PAYMENT, DEPOSIT_APPLIED, CREDIT, DEBIT, REFUND, WRITE_OFF
}
