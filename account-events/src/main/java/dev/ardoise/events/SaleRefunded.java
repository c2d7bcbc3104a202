package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * A manager refunded {@code amount} of an on-account sale. {@code reducedOwed} of it came off what was still owed
 * on the invoice; the rest (already paid) follows in the same append as a {@link CreditNoteIssued} with origin
 * REFUND.
 */
public record SaleRefunded(String refundId, String invoiceId, String invoiceNumber, BigDecimal amount,
                           BigDecimal reducedOwed, String reasonCode) implements AccountEvent {
    public SaleRefunded {
        requireNonNull(refundId, "refundId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(amount, "amount");
        requireNonNull(reducedOwed, "reducedOwed");
    }
}
