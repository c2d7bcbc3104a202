package dev.ardoise.notification.it;

import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.chargedWithTaxes;
import static dev.ardoise.notification.it.AccountEventsFixture.deposit;
import static dev.ardoise.notification.it.AccountEventsFixture.depositAtTheTill;
import static dev.ardoise.notification.it.AccountEventsFixture.limit;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invoice emails as the customer reads them. The tests run with online payments on, so an invoice here carries a
 * payment link (checked in ScheduledEmailsTest); the same email without one, payments off, is in EmailsTest.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvoiceEmailTest extends FreshAccountTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

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
        for (String body : List.of(firstEmail.text(), firstEmail.shown())) {
            assertContains(body, first.invoiceNumber(), "400,00 $", "29 novembre 2026", "Net 30 jours",
                    "29 décembre 2026", "Peinture, 4 L");
        }
        Mailbox.Email secondEmail = emailAbout(emails, second);
        assertEquals("Facture " + second.invoiceNumber() + " de Quincaillerie Ardoise", secondEmail.subject());
        assertContains(secondEmail.text(), "300,00 $");
        assertContains(secondEmail.shown(), "300,00 $");

        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("items.size()", is(2))
                .body("items.status", everyItem(is("SENT")))
                .body("items.invoiceNumber", contains(second.invoiceNumber(), first.invoiceNumber()))
                .body("items.recipient", everyItem(is("claire@" + domain)))
                .body("items.language", everyItem(is("fr-CA")))
                .body("items.kind", everyItem(is("INVOICE")))
                .body("items.attempts", everyItem(is(1)))
                .body("items.sentAt", everyItem(notNullValue())));
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
        for (String body : List.of(firstEmail.text(), firstEmail.shown())) {
            assertContains(body, first.invoiceNumber(), "$400.00", "November 29, 2026", "Net 30 days",
                    "December 29, 2026");
        }
        Mailbox.Email secondEmail = emailAbout(emails, second);
        assertContains(secondEmail.text(), "$300.00");
        assertContains(secondEmail.shown(), "$300.00");
    }

    @Test
    void a_sale_paid_partly_from_the_deposit_shows_the_account_after_both() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("1000.00"));
        events.publish(accountId, 3, deposit("200.00"));
        events.publishTogether(accountId, 4, sale, depositAtTheTill(sale, "150.00"));

        Mailbox.Email email = awaitEmails(1).get(0);

        // the deposit of 200.00 less the 150.00 used at the till
        assertContains(email.text(), "400,00 $", "solde -250,00 $, dépôts 50,00 $, crédit disponible 750,00 $");
        assertContains(email.shown(), "400,00 $", "Solde -250,00 $ Dépôts 50,00 $ Crédit disponible 750,00 $");
    }

    @Test
    void the_invoice_waits_for_the_rest_of_its_sales_command_however_late_it_comes() {
        SaleCharged sale = charged("400.00");
        CommandVersions ofTheSale = new CommandVersions(4, 5);
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("1000.00"));
        events.publish(accountId, 3, deposit("200.00"));
        events.publishOfCommand(accountId, 4, ofTheSale, sale);

        // The sale is read (its email decided) and nothing leaves while the deposit used at the till is missing.
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .when().get("/notifications").then().statusCode(200)
                .body("items.size()", is(1)).body("items[0].status", is("PENDING")));
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(12))
                .until(() -> mailbox.emails().isEmpty());
        events.publishOfCommand(accountId, 5, ofTheSale, depositAtTheTill(sale, "150.00"));

        Mailbox.Email email = awaitEmails(1).get(0);
        // owed 400.00 - 150.00 from the deposit: balance -250.00, available 1,000.00 - 250.00; the deposit balance
        // is what the whole command left: 200.00 - 150.00 used at the till
        assertContains(email.text(), "400,00 $", "solde -250,00 $, dépôts 50,00 $, crédit disponible 750,00 $");
        assertContains(email.shown(), "400,00 $", "Solde -250,00 $ Dépôts 50,00 $ Crédit disponible 750,00 $");
        // what is still due, as the payment link asks for it
        assertEquals(new BigDecimal("250.00"),
                ScheduledEmailsTest.paymentClaimIn(email.text(), clock.instant()).amount());
    }

    @Test
    void an_invoice_recorded_before_commands_is_emailed_at_once_as_a_command_of_its_own() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("1000.00"));
        events.publish(accountId, 3, sale);

        Mailbox.Email email = awaitEmails(1).get(0);

        assertContains(email.text(), "solde -400,00 $", "crédit disponible 600,00 $");
    }

    @Test
    void the_invoice_shows_lines_taxes_terms_and_the_account_after_the_sale_in_french() {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("2000.00"));
        events.publish(accountId, 3, sale);

        Mailbox.Email email = awaitEmails(1).get(0);

        assertEquals("claire@" + domain, email.to());
        for (String body : List.of(email.text(), email.shown())) {
            assertContains(body, "Quincaillerie Ardoise", "123, rue Principale", "Montréal (Québec) H2X 1Y4",
                    "Peinture, 4 L", "500,00 $", "1 149,75 $", "149,75 $", "Rouleau", "10,00 $", "4,49 $",
                    "34,49 $", "Sous-total", "1 030,00 $", "154,24 $", "1 184,24 $", "Net 30 jours",
                    "29 novembre 2026", "29 décembre 2026");
        }
        assertContains(email.text(), "solde -1 184,24 $", "crédit disponible 815,76 $");
        assertContains(email.shown(), "Solde -1 184,24 $", "Crédit disponible 815,76 $");
    }

    @Test
    void the_invoice_shows_lines_taxes_terms_and_the_account_after_the_sale_in_english() {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, opened("sam@" + domain, true, "en-CA"));
        events.publish(accountId, 2, limit("1500.00"));
        events.publish(accountId, 3, charged("100.00"));
        events.publish(accountId, 4, sale);

        List<Mailbox.Email> emails = awaitEmails(2);

        Mailbox.Email email = emailAbout(emails, sale);
        assertEquals("Invoice " + sale.invoiceNumber() + " from Quincaillerie Ardoise", email.subject());
        for (String body : List.of(email.text(), email.shown())) {
            assertContains(body, "$500.00", "$1,149.75", "$149.75", "$4.49", "$34.49", "Subtotal", "$1,030.00",
                    "$154.24", "$1,184.24", "Net 30 days", "November 29, 2026", "December 29, 2026");
        }
        assertContains(email.text(), "balance -$1,284.24", "available credit $215.76");
        assertContains(email.shown(), "Balance -$1,284.24", "Available credit $215.76");
    }

    @Test
    void records_read_again_from_an_earlier_offset_send_nothing_twice() {
        SaleCharged first = charged("400.00");
        SaleCharged second = charged("300.00");
        SaleCharged later = charged("200.00");
        List<String> bodies = List.of(
                events.publish(accountId, 1, opened("lea@" + domain, true, "fr-CA")),
                events.publish(accountId, 2, first),
                events.publish(accountId, 3, second));
        awaitEmails(2);

        // The same records again, as a consumer restarted from an earlier offset reads them.
        bodies.forEach(body -> events.publishRaw(accountId.toString(), body));
        bodies.forEach(body -> events.publishRaw(accountId.toString(), body));
        // Same account, same partition: once the later charge is emailed, the copies have been consumed.
        events.publish(accountId, 4, later);

        List<Mailbox.Email> emails = awaitEmails(3);
        for (SaleCharged sale : List.of(first, second, later)) {
            assertEquals(1, emails.stream().filter(email -> email.subject().contains(sale.invoiceNumber())).count());
        }
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("total", is(3))
                .body("items.status", everyItem(is("SENT"))));
    }

    @Test
    void a_manager_can_resend_an_invoice_once_per_idempotency_key() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("rose@" + domain, true, "en"));
        events.publish(accountId, 2, sale);
        awaitEmails(1);

        As.cashier().when().post("/invoices/{id}/resend", sale.invoiceId())
                .then().statusCode(403);
        String resent = As.manager().header("Idempotency-Key", "resend-1")
                .when().post("/invoices/{id}/resend", sale.invoiceId())
                .then().statusCode(202).body("kind", is("INVOICE")).body("subjectKey", is("resend:resend-1"))
                .extract().path("notificationId");
        As.manager().header("Idempotency-Key", "resend-1")
                .when().post("/invoices/{id}/resend", sale.invoiceId())
                .then().statusCode(200).body("notificationId", is(resent));

        List<Mailbox.Email> emails = awaitEmails(2);
        emails.forEach(email -> assertEquals("Invoice " + sale.invoiceNumber() + " from Quincaillerie Ardoise",
                email.subject()));
        SaleCharged other = charged("10.00");
        events.publish(accountId, 3, other);
        awaitEmails(3);
        As.manager().header("Idempotency-Key", "resend-1")
                .when().post("/invoices/{id}/resend", other.invoiceId())
                .then().statusCode(409).body("field", is("Idempotency-Key"));
        As.manager().when().post("/invoices/{id}/resend", "no-such-invoice")
                .then().statusCode(404);
    }

    /** The rest of the sale's command is late; the manager resends meanwhile: the customer gets one email. */
    @Test
    void a_resend_while_the_invoice_waits_for_its_command_is_the_one_email_sent() {
        SaleCharged sale = charged("400.00");
        CommandVersions ofTheSale = new CommandVersions(4, 5);
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("1000.00"));
        events.publish(accountId, 3, deposit("200.00"));
        events.publishOfCommand(accountId, 4, ofTheSale, sale);
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .when().get("/notifications").then().statusCode(200)
                .body("items.size()", is(1)).body("items[0].status", is("PENDING")));

        As.manager().when().post("/invoices/{id}/resend", sale.invoiceId()).then().statusCode(202);
        awaitEmails(1);
        events.publishOfCommand(accountId, 5, ofTheSale, depositAtTheTill(sale, "150.00"));
        SaleCharged next = charged("10.00");
        events.publish(accountId, 6, next);

        // the next sale's email leaves once the rest of the command is applied, and nothing else came
        awaitEmails(2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> mailbox.emails().size() == 2);
        List<Mailbox.Email> emails = mailbox.emails();
        assertEquals(1, emails.stream().filter(email -> email.subject().contains(sale.invoiceNumber())).count());
        assertEquals(1, emails.stream().filter(email -> email.subject().contains(next.invoiceNumber())).count());
        As.viewer().queryParam("accountId", accountId.toString()).when().get("/notifications")
                .then().statusCode(200)
                .body("items.find { it.subjectKey == '" + sale.invoiceId() + "' }.status", is("SKIPPED"))
                .body("items.find { it.subjectKey == '" + sale.invoiceId() + "' }.reason", is("RESENT"));
    }

    @Test
    void identical_resends_at_the_same_moment_record_and_send_one_email() throws Exception {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("paul@" + domain, true, "en"));
        events.publish(accountId, 2, sale);
        awaitEmails(1);

        List<Response> answers = AtTheSameMoment.send(8, () -> As.manager()
                .header("Idempotency-Key", "double-click").when().post("/invoices/{id}/resend", sale.invoiceId()));

        assertEquals(1, AtTheSameMoment.withStatus(answers, 202), () -> statuses(answers));
        assertEquals(7, AtTheSameMoment.withStatus(answers, 200), () -> statuses(answers));
        assertEquals(1, answers.stream().map(answer -> answer.path("notificationId")).distinct().count());
        awaitEmails(2);
        As.viewer().queryParam("accountId", accountId.toString()).queryParam("kind", "INVOICE")
                .when().get("/notifications")
                .then().statusCode(200).body("total", is(2));
    }

    private static String statuses(List<Response> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.asString()).toList().toString();
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
        As.viewer().queryParam("invoiceId", charge.invoiceId())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].status", is("SENT"));
    }

    @Test
    void an_event_after_a_gap_waits_for_the_missing_one_and_both_are_emailed() {
        SaleCharged missing = charged("400.00");
        SaleCharged ahead = charged("300.00");
        events.publish(accountId, 1, opened("noah@" + domain, true, "en-US"));
        events.publish(accountId, 3, ahead);

        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .when().get("/notifications").then().body("items.size()", is(0)));
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
