package dev.ardoise.account.pos;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The answer on {@code pos-sale-results}: CHARGED (the invoice), DECLINED (why, what is available) or REJECTED
 * ({@code reason} = the field at fault, {@code detail} = why). Absent members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PosSaleResult(String saleId, String accountId, Outcome outcome, String invoiceId, String invoiceNumber,
                     LocalDate dueDate, BigDecimal amount, Long version, String reason, BigDecimal available,
                     String detail) {

    enum Outcome {
        CHARGED("PosSaleCharged"), DECLINED("PosSaleDeclined"), REJECTED("PosSaleRejected");

        private final String type;

        Outcome(String type) {
            this.type = type;
        }

        /** The CloudEvents type of the answer. */
        String type() {
            return type;
        }
    }

    /** Declined because the sender may not charge the account; nothing about the account is told. */
    static PosSaleResult refused(String saleId, String accountId, String reason, String detail) {
        return new PosSaleResult(saleId, accountId, Outcome.DECLINED, null, null, null, null, null, reason, null,
                detail);
    }

    /** Rejected: {@code field} is the field at fault. */
    static PosSaleResult rejected(String saleId, String accountId, String field, String detail) {
        return new PosSaleResult(saleId, accountId, Outcome.REJECTED, null, null, null, null, null, field, null,
                detail);
    }
}
