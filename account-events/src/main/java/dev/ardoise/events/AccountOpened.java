package dev.ardoise.events;

import static java.util.Objects.requireNonNull;

/**
 * A customer got a credit account. {@code email} may be null; invoices are emailed only when it is set
 * and {@code emailConsent} is true. {@code language} is a BCP 47 tag ({@code fr-CA}, {@code en}).
 * {@code storeId} is the store the account belongs to: only that store's staff see it. Accounts opened before it
 * was recorded have none and belong to the deployment's default store.
 */
public record AccountOpened(String customerId, String name, String email, boolean emailConsent,
                            String language, String currency, String storeId) implements AccountEvent {
    public AccountOpened {
        requireNonNull(customerId, "customerId");
        requireNonNull(name, "name");
        requireNonNull(language, "language");
        requireNonNull(currency, "currency");
    }

    /** An opening from before accounts recorded their store. */
    public AccountOpened(String customerId, String name, String email, boolean emailConsent, String language,
                         String currency) {
        this(customerId, name, email, emailConsent, language, currency, null);
    }
}
