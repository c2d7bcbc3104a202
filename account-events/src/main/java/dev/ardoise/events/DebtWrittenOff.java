package dev.ardoise.events;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** A manager gave up collecting what was still owed on an invoice: {@code amount}; the invoice is written off. */
public record DebtWrittenOff(String writeOffId, String invoiceId, String invoiceNumber, BigDecimal amount,
                             String reasonCode, String note) implements AccountEvent {
    public DebtWrittenOff {
        requireNonNull(writeOffId, "writeOffId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(amount, "amount");
        requireNonNull(reasonCode, "reasonCode");
    }
}
