package dev.ardoise.events;

import static java.util.Objects.requireNonNull;

/**
 * The customer's name, email address or language changed; every field carries its new value ({@code email}
 * null = no address any more). Consent is not changed by this event.
 */
public record CustomerDetailsChanged(String name, String email, String language) implements AccountEvent {
    public CustomerDetailsChanged {
        requireNonNull(name, "name");
        requireNonNull(language, "language");
    }
}
