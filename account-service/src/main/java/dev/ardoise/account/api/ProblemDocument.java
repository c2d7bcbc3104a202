package dev.ardoise.account.api;

import java.math.BigDecimal;

/**
 * The shape of every error answer ({@code application/problem+json}), for the OpenAPI document. Which members
 * are present depends on the type: {@code field}/{@code reason} for invalid-request, {@code reason}/{@code available}
 * for charge-declined and store-not-yours, {@code key} for idempotency-key-reused.
 */
public record ProblemDocument(String type, String title, int status, String detail, String field, String reason,
                              BigDecimal available, String key) {
}
