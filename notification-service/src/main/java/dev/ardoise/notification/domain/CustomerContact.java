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

    /** CustomerDetailsChanged: the name, address and language as the event gives them; consent unchanged. */
    public CustomerContact withDetails(String newName, String newEmail, String newLanguage) {
        return new CustomerContact(newName, newEmail, emailConsent, newLanguage, currency);
    }

    /** EmailConsentGiven / EmailConsentWithdrawn: a consent given with an address makes it the customer's address. */
    public CustomerContact withConsent(boolean given, String address) {
        boolean newAddress = given && address != null && !address.isBlank();
        return new CustomerContact(name, newAddress ? address : email, given, language, currency);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
