package dev.ardoise.events;

/** CREDIT lowers what the customer owes; DEBIT raises it. */
public enum AdjustmentDirection {
    CREDIT, DEBIT
}
