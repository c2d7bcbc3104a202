package dev.ardoise.account.domain;

import java.math.BigDecimal;

/**
 * Open a credit account for a customer of a store; {@code creditLimit} may be null (set later by a manager).
 * {@code storeId} is the store the account will belong to: only that store's staff will see it.
 */
public record OpenAccount(String customerId, String name, String email, boolean emailConsent, String language,
                          String currency, BigDecimal creditLimit, String storeId) {
}
