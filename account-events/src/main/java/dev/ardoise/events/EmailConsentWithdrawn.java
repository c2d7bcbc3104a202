package dev.ardoise.events;

/** The customer withdrew consent: no email of any kind may be sent from this event on. */
public record EmailConsentWithdrawn(String email) implements AccountEvent {
}
