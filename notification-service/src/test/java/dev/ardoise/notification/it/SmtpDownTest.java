package dev.ardoise.notification.it;

import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.EmailConsentWithdrawn;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.paid;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SMTP taken down on purpose, with the profile's patient retries (as in production, an outage delays mail and
 * loses none): what waits is sent exactly once when the server is back, unless consent was withdrawn or the
 * reminded invoice paid in the meantime.
 */
@QuarkusTest
@TestProfile(ScheduledEmailsProfile.class)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = InvoiceServiceStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SmtpDownTest extends FreshAccountTest {
    private static final Duration PATIENCE = ScheduledEmailsTest.PATIENCE;

    @Inject
    TestClock clock;

    @AfterEach
    void smtpBackUpAndRealTime() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        clock.reset();
    }

    @Test
    void several_charges_while_smtp_is_down_are_each_emailed_exactly_once_when_it_is_back() {
        List<SaleCharged> sales = List.of(charged("100.00"), charged("200.00"), charged("300.00"),
                charged("400.00"));
        smtp.stop();
        events.publish(accountId, 1, opened("ines@" + domain, true, "fr-CA"));
        long version = 2;
        for (SaleCharged sale : sales) {
            events.publish(accountId, version++, sale);
        }
        for (SaleCharged sale : sales) {
            await().atMost(PATIENCE).untilAsserted(() -> notificationOf(sale)
                    .body("items[0].status", is("PENDING"))
                    .body("items[0].attempts", greaterThanOrEqualTo(2))
                    .body("items[0].lastError", notNullValue()));
        }
        smtp.start();

        await().atMost(PATIENCE).until(() -> mailbox.emails("Facture").size() >= sales.size());
        for (SaleCharged sale : sales) {
            await().atMost(PATIENCE).untilAsserted(() -> notificationOf(sale)
                    .body("items[0].status", is("SENT")).body("items[0].sentAt", notNullValue()));
        }
        List<Mailbox.Email> invoices = mailbox.emails("Facture");
        assertEquals(sales.size(), invoices.size(), invoices.toString());
        for (SaleCharged sale : sales) {
            assertEquals(1, invoices.stream().filter(email -> email.subject().contains(sale.invoiceNumber()))
                    .count(), "exactly one email for " + sale.invoiceNumber());
        }
    }

    @Test
    void a_consent_withdrawn_while_the_email_waits_stops_it_and_a_later_consent_does_not_send_it() {
        SaleCharged waiting = charged("400.00");
        SaleCharged withoutConsent = charged("300.00");
        SaleCharged afterConsent = charged("200.00");
        smtp.stop();
        events.publish(accountId, 1, opened("marc@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, waiting);
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(waiting)
                .body("items[0].status", is("PENDING")).body("items[0].attempts", greaterThanOrEqualTo(1)));

        events.publish(accountId, 3, new EmailConsentWithdrawn("marc@" + domain));
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(waiting)
                .body("items[0].status", is("SKIPPED"))
                .body("items[0].reason", is("NO_CONSENT"))
                .body("items[0].recipient", nullValue()));
        smtp.start();
        events.publish(accountId, 4, withoutConsent);
        events.publish(accountId, 5, new EmailConsentGiven("marc@" + domain));
        events.publish(accountId, 6, afterConsent);

        await().atMost(PATIENCE).until(() -> mailbox.emails("Facture").size() >= 1);
        notificationOf(withoutConsent).body("items[0].status", is("SKIPPED")).body("items[0].reason", is("NO_CONSENT"));
        notificationOf(waiting).body("items[0].status", is("SKIPPED"));
        List<Mailbox.Email> emails = mailbox.emails("Facture");
        assertEquals(1, emails.size(), emails.toString());
        assertEquals("Facture " + afterConsent.invoiceNumber() + " de Quincaillerie Ardoise", emails.get(0).subject());
    }

    @Test
    void a_reminder_whose_invoice_is_paid_while_it_waits_is_not_sent() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("lou@" + domain, true, "en"));
        events.publish(accountId, 2, sale);
        await().atMost(PATIENCE).until(() -> mailbox.emails("Invoice").size() == 1);
        smtp.stop();

        clock.set(LocalDateTime.of(2026, 12, 26, 9, 0));
        await().atMost(PATIENCE).untilAsserted(() -> reminderOf(sale)
                .body("items[0].status", is("PENDING")).body("items[0].attempts", greaterThanOrEqualTo(1)));
        events.publish(accountId, 3, paid(sale));

        await().atMost(PATIENCE).untilAsserted(() -> reminderOf(sale)
                .body("items[0].status", is("SKIPPED")).body("items[0].reason", is("INVOICE_PAID")));
        smtp.start();
        assertEquals(0, mailbox.emails("Reminder").size());
    }

    private static ValidatableResponse notificationOf(SaleCharged invoice) {
        return As.viewer().queryParam("invoiceId", invoice.invoiceId()).queryParam("kind", "INVOICE")
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1));
    }

    private static ValidatableResponse reminderOf(SaleCharged invoice) {
        return As.viewer().queryParam("invoiceId", invoice.invoiceId()).queryParam("kind", "REMINDER")
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1));
    }
}
