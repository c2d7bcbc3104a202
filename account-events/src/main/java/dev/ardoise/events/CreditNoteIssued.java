package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * Store credit added to the deposit balance, usable on a later sale or on outstanding invoices.
 * {@code sourceId} is the paymentId or refundId it comes from; {@code invoiceId} the refunded invoice, if any.
 */
public record CreditNoteIssued(String creditNoteId, BigDecimal amount, CreditNoteOrigin origin, String sourceId,
                               String invoiceId) implements AccountEvent {
    public CreditNoteIssued {
        requireNonNull(creditNoteId, "creditNoteId");
        requireNonNull(amount, "amount");
        requireNonNull(origin, "origin");
        requireNonNull(sourceId, "sourceId");
    }
}
