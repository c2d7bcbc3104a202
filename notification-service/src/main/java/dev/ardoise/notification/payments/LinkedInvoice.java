package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.DueInvoice;
import dev.ardoise.notification.domain.PaymentLinks.PaymentClaim;

/** A genuine link's invoice as invoice-service has it now, and the customer it was sent to (name may be null). */
record LinkedInvoice(PaymentClaim claim, DueInvoice invoice, String customerName) {
}
