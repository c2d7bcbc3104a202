package dev.ardoise.account.domain;

import java.math.BigDecimal;

/** Open a credit account for a customer; {@code creditLimit} may be null (set later by a manager). */
public record OpenAccount(String customerId, String name, String email, boolean emailConsent, String language,
                          String currency, BigDecimal creditLimit) {
}
