package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;

import static java.util.Objects.requireNonNull;

/**
 * What the service keeps about a customer from AccountOpened: where to send invoices, whether the customer
 * agreed to receive them, and how to write to them.
 *
 * @param email    may be null: the customer gave no address
 * @param language a BCP 47 tag such as {@code fr-CA} or {@code en}
 */
public record CustomerContact(String name, String email, boolean emailConsent, String language, String currency) {
    /**
     * The customer of an account never opened here (its AccountOpened never read): no address, so nothing is sent;
     * written to in English, in Canadian dollars, should an email be laid out for it.
     */
    public static final CustomerContact UNKNOWN = new CustomerContact("", null, false, "en", "CAD");

    public CustomerContact {
        requireNonNull(name, "name");
        requireNonNull(language, "language");
        requireNonNull(currency, "currency");
    }

    /** The contact an account was opened with. */
    public static CustomerContact openedBy(AccountOpened open) {
        return new CustomerContact(open.name(), open.email(), open.emailConsent(), open.language(), open.currency());
    }

    /** The contact itself when null: an account never opened here. */
    public static CustomerContact orUnknown(CustomerContact contact) {
        return contact == null ? UNKNOWN : contact;
    }

    /**
     * The contact after an event of its account: CustomerDetailsChanged, EmailConsentGiven and EmailConsentWithdrawn
     * change it (an AccountOpened again starts it over); every other event leaves it as it is.
     */
    public CustomerContact after(AccountEvent event) {
        if (event instanceof AccountOpened open) {
            return openedBy(open);
        }
        if (event instanceof CustomerDetailsChanged changed) {
            return withDetails(changed.name(), changed.email(), changed.language());
        }
        if (event instanceof EmailConsentGiven given) {
            return withConsent(true, given.email());
        }
        if (event instanceof EmailConsentWithdrawn withdrawn) {
            return withConsent(false, withdrawn.email());
        }
        return this;
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
