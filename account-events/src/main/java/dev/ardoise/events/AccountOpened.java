package dev.ardoise.events;

import static java.util.Objects.requireNonNull;

/**
 * A customer got a credit account. {@code email} may be null; invoices are emailed only when it is set
 * and {@code emailConsent} is true. {@code language} is a BCP 47 tag ({@code fr-CA}, {@code en}).
 */
public record AccountOpened(String customerId, String name, String email, boolean emailConsent,
                            String language, String currency) implements AccountEvent {
    public AccountOpened {
        requireNonNull(customerId, "customerId");
        requireNonNull(name, "name");
        requireNonNull(language, "language");
        requireNonNull(currency, "currency");
    }
}
