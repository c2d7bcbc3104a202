package dev.ardoise.notification.payments;

import java.net.URI;

/**
 * The store's payment provider (docs/payments.md). A real provider is one class implementing this, plus the
 * verification of its callback in account-service.
 */
public interface PaymentProvider {
    /** Where to send the customer to pay this invoice; the provider calls back with the same account and invoice. */
    URI checkout(Checkout checkout);
}
