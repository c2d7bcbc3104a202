package dev.ardoise.account.domain;

import dev.ardoise.events.AdjustmentDirection;

import java.math.BigDecimal;
import java.time.Instant;

/** The merchant's commands on an account, one record per operation; the ids are idempotency keys. */
public final class Commands {
    private Commands() {
    }

    public record ChangeCustomerDetails(String name, String email, String language) {
    }

    public record SetEmailConsent(boolean consent) {
    }

    public record PlaceHold(String holdId, BigDecimal amount, Instant expiresAt, String storeId, String registerId) {
    }

    public record VoidHold(String holdId, String reason) {
    }

    public record ApplyDeposit(String applicationId, BigDecimal amount, String invoiceId) {
    }

    public record ReturnDeposit(String returnId, BigDecimal amount, String method, String reason) {
    }

    public record ReceivePayment(String paymentId, BigDecimal amount, String method, String reference,
                                 String invoiceId) {
    }

    public record RefundSale(String refundId, String invoiceId, BigDecimal amount, String reasonCode) {
    }

    public record AdjustBalance(String adjustmentId, AdjustmentDirection direction, BigDecimal amount,
                                String reasonCode, String note, String invoiceId) {
    }

    public record WriteOffDebt(String writeOffId, String invoiceId, String reasonCode, String note) {
    }

    public record GrantOverride(String overrideId, BigDecimal amount, String reasonCode, String note,
                                Instant expiresAt) {
    }

    /** Suspend, reactivate or close, with an optional free-text reason. */
    public record ChangeStatus(AccountStatus to, String reason) {
    }

}
