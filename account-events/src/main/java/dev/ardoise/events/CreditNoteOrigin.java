package dev.ardoise.events;

/** Why store credit was issued: a payment larger than what was owed, or a refund of an already paid sale. */
public enum CreditNoteOrigin {
    OVERPAYMENT, REFUND
}
