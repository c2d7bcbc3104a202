package dev.ardoise.events;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The customer paid {@code amount} ({@code method}: CASH, CARD, CHEQUE, TRANSFER, ONLINE, OTHER). Each allocation
 * reduced what is owed on one invoice (the named one, else the oldest outstanding first). What was not allocated
 * (an overpayment) follows in the same append as a {@link CreditNoteIssued} with origin OVERPAYMENT.
 */
public record PaymentReceived(String paymentId, BigDecimal amount, String method, String reference,
                              List<Allocation> allocations) implements AccountEvent {
    public PaymentReceived {
        requireNonNull(paymentId, "paymentId");
        requireNonNull(amount, "amount");
        requireNonNull(method, "method");
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
