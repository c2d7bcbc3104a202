package dev.ardoise.events;

/** When an invoice falls due, counted from its issue date; {@code CUSTOM} carries its own due date. */
public enum PaymentTerms {
    DUE_ON_RECEIPT(0), NET_15(15), NET_30(30), NET_60(60), CUSTOM(-1);

    private final int days;

    PaymentTerms(int days) {
        this.days = days;
    }

    /** Days from issue to due date; not defined for {@code CUSTOM}. */
    public int days() {
        if (this == CUSTOM) {
            throw new IllegalStateException("CUSTOM terms carry their own due date");
        }
        return days;
    }
}
