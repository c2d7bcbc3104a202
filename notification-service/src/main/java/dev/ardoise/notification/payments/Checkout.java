package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.CustomerLanguage;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/** What the customer is about to pay, handed to the provider; it calls back with the account and invoice. */
public record Checkout(UUID accountId, String invoiceId, String invoiceNumber, BigDecimal amount, String currency,
                       String storeName, CustomerLanguage customerLanguage, URI returnUrl, URI cancelUrl) {
}
