package dev.ardoise.invoice.domain;

/** Where an invoice stands on a given day (the event catalogue's rule, in this order). */
public enum InvoiceStatus {
    /** Nothing paid or credited yet, not past its due date. */
    OUTSTANDING,
    /** Something paid or credited, something still owed, not past its due date. */
    PARTIALLY_PAID,
    /** Nothing left to pay. */
    PAID,
    /** Something owed past its due date. */
    OVERDUE,
    /** The store gave up collecting what was left. */
    WRITTEN_OFF;

    /**
     * Whether an invoice in {@code actual} status belongs in a list asked for with this status. The merchant's
     * outstanding invoices are all those with something still owed, so OUTSTANDING also lists the partially paid
     * and the overdue ones.
     */
    public boolean includes(InvoiceStatus actual) {
        return this == actual || (this == OUTSTANDING && (actual == OVERDUE || actual == PARTIALLY_PAID));
    }
}
