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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SMTP taken down on purpose: what waits is sent exactly once when the server is back, unless consent was withdrawn
 * or the reminded invoice paid in the meantime. As in production, where 15 attempts span some 17 minutes, an outage
 * delays mail and loses none: the {@link TestClock} stands still while the server is down, so that the test
 * configuration's 4 attempts do not run out, and each {@code clock.advance} lets the sender try each email once more.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SmtpDownTest extends FreshAccountTest {
    private static final Duration PATIENCE = ScheduledEmailsTest.PATIENCE;
    private static final Duration LONGEST_WAIT = SmtpOutageTest.LONGEST_WAIT;

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
        clock.standStill();
        smtp.stop();
        events.publish(accountId, 1, opened("ines@" + domain, true, "fr-CA"));
        long version = 2;
        for (SaleCharged sale : sales) {
            events.publish(accountId, version++, sale);
        }
        // each due at once (a sale is a command of its own here): the first attempts fail, the next wait for the clock
        awaitEachWaiting(sales, 1);
        clock.advance(LONGEST_WAIT);
        awaitEachWaiting(sales, 2);
        smtp.start();
        clock.advance(LONGEST_WAIT);

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
        clock.standStill();
        smtp.stop();
        events.publish(accountId, 1, opened("marc@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, waiting);
        awaitEachWaiting(List.of(waiting), 1);
        clock.advance(LONGEST_WAIT);
        awaitEachWaiting(List.of(waiting), 2);

        events.publish(accountId, 3, new EmailConsentWithdrawn("marc@" + domain));
        events.publish(accountId, 4, withoutConsent);
        // Same account, read in order: the charge decided without consent shows the withdrawal was read.
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(withoutConsent)
                .body("items[0].status", is("SKIPPED")).body("items[0].reason", is("NO_CONSENT")));
        clock.advance(LONGEST_WAIT);
        await().atMost(PATIENCE).untilAsserted(() -> notificationOf(waiting)
                .body("items[0].status", is("SKIPPED"))
                .body("items[0].reason", is("NO_CONSENT"))
                .body("items[0].recipient", nullValue()));
        smtp.start();
        clock.reset();
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
        clock.standStill();
        await().atMost(PATIENCE).untilAsserted(() -> reminderOf(sale)
                .body("items[0].status", is("PENDING")).body("items[0].attempts", is(1))
                .body("items[0].lastError", notNullValue()));
        events.publish(accountId, 3, paid(sale));
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer()
                .queryParam("kind", "REMINDER").queryParam("format", "text")
                .when().get("/invoices/{id}/email-preview", sale.invoiceId())
                .then().statusCode(200).body(containsString("Amount still owed: $0.00")));
        clock.advance(LONGEST_WAIT);

        await().atMost(PATIENCE).untilAsserted(() -> reminderOf(sale)
                .body("items[0].status", is("SKIPPED")).body("items[0].reason", is("INVOICE_PAID")));
        smtp.start();
        assertEquals(0, mailbox.emails("Reminder").size());
    }

    /** Each invoice email PENDING after this many attempts, the failure of the last one recorded. */
    private static void awaitEachWaiting(List<SaleCharged> sales, int attempts) {
        for (SaleCharged sale : sales) {
            await().atMost(PATIENCE).untilAsserted(() -> notificationOf(sale)
                    .body("items[0].status", is("PENDING"))
                    .body("items[0].attempts", is(attempts))
                    .body("items[0].lastError", attempts == 0 ? nullValue() : notNullValue()));
        }
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
