package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvoiceDecisionTest {

    @Test
    void a_customer_with_an_email_and_consent_gets_the_invoice() {
        InvoiceDecision decision = InvoiceDecision.decide(contact("claire@example.test", true));

        assertEquals(NotificationStatus.PENDING, decision.status());
        assertNull(decision.reason());
        assertTrue(decision.toSend());
    }

    @Test
    void a_customer_without_an_email_is_skipped_with_no_email() {
        assertEquals(new InvoiceDecision(NotificationStatus.SKIPPED, SkipReason.NO_EMAIL),
                InvoiceDecision.decide(contact(null, true)));
        assertEquals(new InvoiceDecision(NotificationStatus.SKIPPED, SkipReason.NO_EMAIL),
                InvoiceDecision.decide(contact("  ", true)));
    }

    @Test
    void a_customer_without_consent_is_skipped_with_no_consent() {
        assertEquals(new InvoiceDecision(NotificationStatus.SKIPPED, SkipReason.NO_CONSENT),
                InvoiceDecision.decide(contact("claire@example.test", false)));
    }

    @Test
    void no_email_wins_over_no_consent_when_both_are_missing() {
        assertEquals(SkipReason.NO_EMAIL, InvoiceDecision.decide(contact(null, false)).reason());
    }

    @Test
    void an_account_never_opened_here_is_skipped_with_no_email() {
        assertEquals(SkipReason.NO_EMAIL, InvoiceDecision.decide(null).reason());
    }

    private static CustomerContact contact(String email, boolean consent) {
        return new CustomerContact("Claire Tremblay", email, consent, "fr-CA", "CAD");
    }
}
