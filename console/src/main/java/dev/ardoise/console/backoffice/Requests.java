package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The bodies the back office sends, as the services' OpenAPI documents them: amounts as exact decimal strings,
 * each money command keyed by the idempotency key its form was rendered with, absent fields left out.
 */
final class Requests {
    private Requests() {
    }

    record CreditLimit(String creditLimit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String paymentId, String amount, String method, String reference, String invoiceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Deposit(String depositId, String amount, String purpose, String reference) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refund(String refundId, String invoiceId, String amount, String reasonCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Adjustment(String adjustmentId, String direction, String amount, String reasonCode, String note,
                      String invoiceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WriteOff(String writeOffId, String invoiceId, String reasonCode, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reason(String reason) {
    }

    record Period(String from, String to) {
    }
}
