package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.InjectSmtpServer;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.uniqueDomain;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvoiceEmailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectSmtpServer
    GreenMail smtp;

    private AccountEventsFixture events;
    private UUID accountId;
    private String domain;
    private Mailbox mailbox;

    @BeforeEach
    void freshAccount() {
        events = new AccountEventsFixture(kafka);
        accountId = UUID.randomUUID();
        domain = uniqueDomain();
        mailbox = new Mailbox(smtp, domain);
    }

    @Test
    void a_french_speaking_customer_gets_each_invoice_in_french() {
        SaleCharged first = charged("400.00");
        SaleCharged second = charged("300.00");
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, first);
        events.publish(accountId, 3, second);

        List<Mailbox.Email> emails = awaitEmails(2);

        Mailbox.Email firstEmail = emailAbout(emails, first);
        assertEquals("Facture " + first.invoiceNumber() + " de Quincaillerie Ardoise", firstEmail.subject());
        assertEquals("claire@" + domain, firstEmail.to());
        assertEquals("factures@ardoise.local", firstEmail.from());
        for (String body : List.of(firstEmail.text(), firstEmail.html())) {
            assertContains(body, first.invoiceNumber(), "400,00 $", "29 novembre 2026", "Net 30 jours",
                    "29 décembre 2026", "Peinture, 4 L");
        }
        Mailbox.Email secondEmail = emailAbout(emails, second);
        assertEquals("Facture " + second.invoiceNumber() + " de Quincaillerie Ardoise", secondEmail.subject());
        assertContains(secondEmail.text(), "300,00 $");
        assertContains(secondEmail.html(), "300,00 $");

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("accountId", accountId.toString())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("size()", is(2))
                .body("status", everyItem(is("SENT")))
                .body("invoiceNumber", contains(second.invoiceNumber(), first.invoiceNumber()))
                .body("recipient", everyItem(is("claire@" + domain)))
                .body("language", everyItem(is("fr-CA")))
                .body("kind", everyItem(is("INVOICE")))
                .body("attempts", everyItem(is(1)))
                .body("sentAt", everyItem(notNullValue())));
    }

    @Test
    void an_english_speaking_customer_gets_each_invoice_in_english() {
        SaleCharged first = charged("400.00");
        SaleCharged second = charged("300.00");
        events.publish(accountId, 1, opened("sam@" + domain, true, "en"));
        events.publish(accountId, 2, first);
        events.publish(accountId, 3, second);

        List<Mailbox.Email> emails = awaitEmails(2);

        Mailbox.Email firstEmail = emailAbout(emails, first);
        assertEquals("Invoice " + first.invoiceNumber() + " from Quincaillerie Ardoise", firstEmail.subject());
        for (String body : List.of(firstEmail.text(), firstEmail.html())) {
            assertContains(body, first.invoiceNumber(), "$400.00", "November 29, 2026", "Net 30 days",
                    "December 29, 2026");
        }
        Mailbox.Email secondEmail = emailAbout(emails, second);
        assertContains(secondEmail.text(), "$300.00");
        assertContains(secondEmail.html(), "$300.00");
    }

    @Test
    void a_redelivered_charge_sends_exactly_one_email() {
        SaleCharged charge = charged("400.00");
        SaleCharged later = charged("300.00");
        events.publish(accountId, 1, opened("lea@" + domain, true, "fr-CA"));
        String body = AccountEventJson.write(new RecordedEvent(UUID.randomUUID(), accountId, 2, Instant.now(), EventMetadata.UNRECORDED, charge));
        events.publishRaw(accountId.toString(), body);
        events.publishRaw(accountId.toString(), body);
        // Same account, same partition: once the later charge is emailed, the duplicate has been consumed.
        events.publish(accountId, 3, later);

        List<Mailbox.Email> emails = awaitEmails(2);

        assertEquals(1, emails.stream().filter(email -> email.subject().contains(charge.invoiceNumber())).count());
        assertEquals(1, emails.stream().filter(email -> email.subject().contains(later.invoiceNumber())).count());
        given().queryParam("invoiceId", charge.invoiceId())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("size()", is(1))
                .body("[0].status", is("SENT"));
    }

    @Test
    void an_event_after_a_gap_waits_for_the_missing_one_and_both_are_emailed() {
        SaleCharged missing = charged("400.00");
        SaleCharged ahead = charged("300.00");
        events.publish(accountId, 1, opened("noah@" + domain, true, "en-US"));
        events.publish(accountId, 3, ahead);

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("accountId", accountId.toString())
                .when().get("/notifications").then().body("size()", is(0)));
        events.publish(accountId, 2, missing);

        List<Mailbox.Email> emails = awaitEmails(2);
        emailAbout(emails, missing);
        emailAbout(emails, ahead);
    }

    private List<Mailbox.Email> awaitEmails(int count) {
        await().atMost(PATIENCE).until(() -> mailbox.emails().size() >= count);
        List<Mailbox.Email> emails = mailbox.emails();
        assertEquals(count, emails.size());
        return emails;
    }

    private static Mailbox.Email emailAbout(List<Mailbox.Email> emails, SaleCharged invoice) {
        return emails.stream().filter(email -> email.subject().contains(invoice.invoiceNumber())).findFirst()
                .orElseThrow(() -> new AssertionError("no email about " + invoice.invoiceNumber() + " in " + emails));
    }

    private static void assertContains(String body, String... expected) {
        for (String text : expected) {
            assertTrue(body.contains(text), "expected «" + text + "» in:\n" + body);
        }
    }
}
