package dev.ardoise.account.domain;

/** The id and the store's sequential number that a new invoice will carry. */
public record InvoiceIdentity(String invoiceId, String invoiceNumber, String storeId) {
}
