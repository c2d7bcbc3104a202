package dev.ardoise.events;

/** The customer agreed to receive invoices and statements by email, at {@code email} (may be null if none yet). */
public record EmailConsentGiven(String email) implements AccountEvent {
}
