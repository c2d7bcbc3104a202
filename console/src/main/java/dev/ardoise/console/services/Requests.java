package dev.ardoise.console.services;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The bodies the back office sends, as the services' OpenAPI documents them: amounts as exact decimal strings,
 * each money command keyed by the idempotency key its form was rendered with, absent fields left out.
 */
public final class Requests {
    private Requests() {
    }

    public record CreditLimit(String creditLimit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String paymentId, String amount, String method, String reference, String invoiceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deposit(String depositId, String amount, String purpose, String reference) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Refund(String refundId, String invoiceId, String amount, String reasonCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adjustment(String adjustmentId, String direction, String amount, String reasonCode, String note,
                      String invoiceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WriteOff(String writeOffId, String invoiceId, String reasonCode, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String reason) {
    }

    public record Period(String from, String to) {
    }
}
