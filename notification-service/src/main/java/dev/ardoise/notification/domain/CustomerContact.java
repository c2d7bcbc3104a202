package dev.ardoise.notification.domain;

import static java.util.Objects.requireNonNull;

/**
 * What the service keeps about a customer from AccountOpened: where to send invoices, whether the customer
 * agreed to receive them, and how to write to them.
 *
 * @param email    may be null: the customer gave no address
 * @param language a BCP 47 tag such as {@code fr-CA} or {@code en}
 */
public record CustomerContact(String name, String email, boolean emailConsent, String language, String currency) {
    public CustomerContact {
        requireNonNull(name, "name");
        requireNonNull(language, "language");
        requireNonNull(currency, "currency");
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
