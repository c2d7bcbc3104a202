package dev.ardoise.invoice.domain;

/** Where an invoice stands on a given day. */
public enum InvoiceStatus {
    /** Not fully paid and not yet past its due date. */
    OUTSTANDING,
    /** Not fully paid and past its due date. */
    OVERDUE,
    /** Nothing left to pay. */
    PAID;

    /**
     * Whether an invoice in {@code actual} status belongs in a list asked for with this status. The merchant's
     * outstanding invoices are all those not fully paid, so OUTSTANDING also lists the overdue ones.
     */
    public boolean includes(InvoiceStatus actual) {
        return this == actual || (this == OUTSTANDING && actual == OVERDUE);
    }
}
