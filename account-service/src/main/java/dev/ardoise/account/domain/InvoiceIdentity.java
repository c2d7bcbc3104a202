package dev.ardoise.account.domain;

/** The id and the store's sequential number that a new invoice will carry. */
public record InvoiceIdentity(String invoiceId, String invoiceNumber, String storeId) {
    /** What a charge carries while it is decided, before the store's next number is taken. */
    public static final String UNNUMBERED = "(unnumbered)";

    /** An invoice not numbered yet: decided first, numbered by {@link Selling#numbered} just before it is recorded. */
    public static InvoiceIdentity unnumbered(String invoiceId, String storeId) {
        return new InvoiceIdentity(invoiceId, UNNUMBERED, storeId);
    }
}
