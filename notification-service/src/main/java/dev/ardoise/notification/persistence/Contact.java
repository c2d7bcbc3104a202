package dev.ardoise.notification.persistence;

import dev.ardoise.notification.domain.CustomerContact;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A customer's email, consent and language, and the account's store, one row per account, from AccountOpened,
 * CustomerDetailsChanged and EmailConsentGiven / EmailConsentWithdrawn. */
@Entity
@Table(name = "customer_contacts")
public class Contact extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    public String name;
    public String email;
    @Column(name = "email_consent")
    public boolean emailConsent;
    public String language;
    public String currency;
    /** The store the account belongs to: only its staff (and operators) see the account and its emails. */
    @Column(name = "store_id")
    public String storeId;

    public static Contact of(UUID accountId, CustomerContact contact, String storeId) {
        Contact row = new Contact();
        row.accountId = accountId;
        row.storeId = storeId;
        row.update(contact);
        return row;
    }

    public void update(CustomerContact contact) {
        name = contact.name();
        email = contact.email();
        emailConsent = contact.emailConsent();
        language = contact.language();
        currency = contact.currency();
    }

    public CustomerContact toContact() {
        return new CustomerContact(name, email, emailConsent, language, currency);
    }
}
