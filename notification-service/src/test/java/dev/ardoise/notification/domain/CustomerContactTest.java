package dev.ardoise.notification.domain;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CustomerContactTest {
    private static final AccountOpened OPENED = new AccountOpened("cust-1", "Claire Tremblay", "claire@example.test",
            false, "fr-CA", "USD");

    @Test
    void an_account_is_opened_with_its_customers_contact_and_its_store() {
        CustomerContact contact = CustomerContact.openedBy(OPENED);

        assertEquals(new CustomerContact("Claire Tremblay", "claire@example.test", false, "fr-CA", "USD"), contact);
        assertEquals("MAIN", AccountStore.of(OPENED, "MAIN"));
        assertEquals("EAST", AccountStore.of(new AccountOpened("cust-2", "Sam", null, false, "en", "CAD", "EAST"),
                "MAIN"));
    }

    @Test
    void details_change_the_name_address_and_language_and_keep_the_consent() {
        CustomerContact given = CustomerContact.openedBy(OPENED).after(new EmailConsentGiven(null));

        CustomerContact changed = given.after(new CustomerDetailsChanged("Claire T.", "ct@example.test", "en"));

        assertEquals(new CustomerContact("Claire T.", "ct@example.test", true, "en", "USD"), changed);
    }

    @Test
    void consent_given_with_an_address_makes_it_the_customers_and_withdrawn_keeps_the_address() {
        CustomerContact given = CustomerContact.openedBy(OPENED).after(new EmailConsentGiven("new@example.test"));
        assertEquals("new@example.test", given.email());
        assertEquals(true, given.emailConsent());

        CustomerContact withdrawn = given.after(new EmailConsentWithdrawn("other@example.test"));
        assertEquals("new@example.test", withdrawn.email());
        assertEquals(false, withdrawn.emailConsent());
    }

    @Test
    void other_events_leave_it_as_it_is() {
        CustomerContact contact = CustomerContact.openedBy(OPENED);

        assertSame(contact, contact.after(new AccountSuspended("moved away")));
    }

    @Test
    void a_customer_never_opened_here_has_no_address_and_is_written_to_in_english_in_canadian_dollars() {
        CustomerContact unknown = CustomerContact.orUnknown(null);

        assertEquals("en", unknown.language());
        assertEquals("CAD", unknown.currency());
        assertEquals(SkipReason.NO_EMAIL, InvoiceDecision.decide(unknown).reason());
    }
}
