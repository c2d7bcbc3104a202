package dev.ardoise.notification.it;

import dev.ardoise.events.SaleCharged;
import dev.ardoise.notification.domain.PaymentLinks;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.chargedWithTaxes;
import static dev.ardoise.notification.it.AccountEventsFixture.limit;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.paid;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payment links, reminders, statements and previews. The test configuration (application.properties, {@code %test})
 * takes online payments with {@link #LINK_SECRET}, reminds at -3, +1 and +7 days and sends monthly statements from
 * the 5th; none of these is due until a test moves the {@link TestClock} on.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScheduledEmailsTest extends FreshAccountTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
    /** ardoise.payments.link-base-url and link-secret of the test configuration. */
    static final String LINK_BASE = "https://pay.example.test/pay";
    private static final String LINK_SECRET = "test-secret-for-payment-links";
    private static final PaymentLinks VERIFIER = new PaymentLinks(LINK_BASE, LINK_SECRET);

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_invoice_email_carries_a_payment_link_signed_for_the_invoice_and_what_it_owes() {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("2000.00"));
        events.publish(accountId, 3, sale);

        Mailbox.Email email = awaitOne("Facture");

        assertEquals("Facture " + sale.invoiceNumber() + " de Quincaillerie Ardoise", email.subject());
        for (String body : List.of(email.text(), email.shown())) {
            assertContains(body, "123, rue Principale", "514 555-0123", "Peinture, 4 L", "500,00 $",
                    "1 149,75 $", "149,75 $", "Rouleau", "34,49 $", "4,49 $", "1 030,00 $", "154,24 $",
                    "1 184,24 $", "Net 30 jours", "29 décembre 2026");
        }
        assertContains(email.text(), "solde -1 184,24 $", "crédit disponible 815,76 $", LINK_BASE + "?token=");
        assertContains(email.shown(), "Solde -1 184,24 $", "Crédit disponible 815,76 $", "Payer maintenant");
        assertContains(email.html(), LINK_BASE + "?token=");
        PaymentLinks.PaymentClaim claim = verifiedClaim(email.text());
        assertEquals(sale.invoiceId(), claim.invoiceId());
        assertEquals(new BigDecimal("1184.24"), claim.amount());
        assertEquals("CAD", claim.currency());
        assertTrue(claim.expiresAt().isAfter(clock.instant().plus(Duration.ofDays(59))));
        assertEquals(claim, verifiedClaim(email.html()));
    }

    @Test
    void reminders_go_once_per_offset_and_stop_once_the_invoice_is_paid() {
        SaleCharged unpaid = charged("400.00");
        SaleCharged paidLater = charged("300.00");
        SaleCharged marker = charged("50.00");
        events.publish(accountId, 1, opened("ines@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, unpaid);
        events.publish(accountId, 3, paidLater);
        await().atMost(PATIENCE).until(() -> mailbox.emails("Facture").size() == 2);
        assertEquals(0, mailbox.emails("Rappel").size());

        clock.set(LocalDateTime.of(2026, 12, 26, 9, 0));
        await().atMost(PATIENCE).until(() -> mailbox.emails("Rappel").size() == 2);
        Mailbox.Email before = about(mailbox.emails("Rappel"), unpaid);
        assertEquals("Rappel : la facture " + unpaid.invoiceNumber() + " est payable le 29 décembre 2026",
                before.subject());
        assertContains(before.text(), "Montant encore dû : 400,00 $", "dans 3 jours",
                LINK_BASE);
        assertEquals(new BigDecimal("400.00"), verifiedClaim(before.text()).amount());

        // Moving the clock a day on makes a claim still being recorded look abandoned: wait for the SENT records.
        awaitRemindersRecordedSent(2);
        // Once the marker's own -3 reminder is out, the job has run again since: still one per invoice.
        clock.set(LocalDateTime.of(2026, 12, 27, 9, 0));
        events.publish(accountId, 4, marker);
        await().atMost(PATIENCE).until(() -> mailbox.emails("Rappel").size() == 3);
        about(mailbox.emails("Rappel"), marker);

        events.publish(accountId, 5, paid(paidLater));
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer()
                .queryParam("kind", "REMINDER").queryParam("format", "text")
                .when().get("/invoices/{id}/email-preview", paidLater.invoiceId())
                .then().statusCode(200).body(containsString("Montant encore dû : 0,00")));

        awaitRemindersRecordedSent(3);
        clock.set(LocalDateTime.of(2026, 12, 30, 9, 0));
        await().atMost(PATIENCE).until(() -> mailbox.emails("Rappel").size() == 5);
        List<Mailbox.Email> reminders = mailbox.emails("Rappel");
        assertEquals(2, count(reminders, unpaid));
        assertEquals(2, count(reminders, marker));
        assertEquals(1, count(reminders, paidLater), "a paid invoice is not reminded");
        assertTrue(reminders.stream().anyMatch(email -> email.subject().equals("Rappel : la facture "
                + unpaid.invoiceNumber() + " était payable le 29 décembre 2026")));
        As.viewer().queryParam("invoiceId", paidLater.invoiceId()).queryParam("kind", "REMINDER")
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1)).body("items[0].offsetDays", is(-3));
    }

    @Test
    void an_english_reminder_reads_in_english() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("sam@" + domain, true, "en"));
        events.publish(accountId, 2, sale);
        await().atMost(PATIENCE).until(() -> mailbox.emails("Invoice").size() == 1);

        clock.set(LocalDateTime.of(2027, 1, 5, 9, 0));
        Mailbox.Email reminder = awaitOne("Reminder");

        assertEquals("Reminder: invoice " + sale.invoiceNumber() + " was due on December 29, 2026",
                reminder.subject());
        for (String body : List.of(reminder.text(), reminder.shown())) {
            assertContains(body, "Amount still owed", "$400.00", "November 29, 2026", "7 days ago");
        }
        assertEquals(new BigDecimal("400.00"), verifiedClaim(reminder.html()).amount());
    }

    @Test
    void a_statement_on_request_is_emailed_once_in_the_customers_language() {
        UUID french = UUID.randomUUID();
        events.publish(accountId, 1, opened("sam@" + domain, true, "en"));
        events.publish(french, 1, opened("marie@" + domain, true, "fr-CA"));

        String first = awaitStatementRequested(accountId, "2026-10-01", "2026-10-31");
        As.manager().contentType(ContentType.JSON)
                .body(Map.of("from", "2026-10-01", "to", "2026-10-31"))
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(200).body("notificationId", is(first));
        awaitStatementRequested(french, "2026-10-01", "2026-10-31");

        await().atMost(PATIENCE).until(() -> mailbox.emails("Account statement").size() == 1
                && mailbox.emails("Relevé").size() == 1);
        Mailbox.Email english = mailbox.emails("Account statement").get(0);
        assertEquals("sam@" + domain, english.to());
        assertEquals("Account statement from October 1, 2026 to October 31, 2026 from Quincaillerie Ardoise",
                english.subject());
        for (String body : List.of(english.text(), english.shown())) {
            assertContains(body, "-$700.00", "Payment P-0009", "$300.00", "-$400.00", "Invoice MAIN-000007",
                    "-$1,120.50", "-$1,520.50", "Amount due", "$1,520.50", "overdue: $120.50");
        }
        Mailbox.Email frenchEmail = mailbox.emails("Relevé").get(0);
        assertEquals("Relevé de compte du 1 octobre 2026 au 31 octobre 2026 de Quincaillerie Ardoise",
                frenchEmail.subject());
        for (String body : List.of(frenchEmail.text(), frenchEmail.shown())) {
            assertContains(body, "-700,00 $", "Paiement P-0009", "300,00 $", "-400,00 $", "Facture MAIN-000007",
                    "-1 120,50 $", "-1 520,50 $", "Montant dû", "1 520,50 $");
        }
    }

    @Test
    void identical_statement_requests_at_the_same_moment_record_one_statement() throws Exception {
        events.publish(accountId, 1, opened("lea@" + domain, true, "en"));
        awaitStatementRequested(accountId, "2026-09-01", "2026-09-30");

        List<Response> answers = AtTheSameMoment.send(8, () -> As.manager().contentType(ContentType.JSON)
               .body(Map.of("from", "2026-08-01", "to", "2026-08-31"))
                .when().post("/accounts/{id}/statements", accountId));

        assertEquals(1, AtTheSameMoment.withStatus(answers, 202), answers.stream()
                .map(answer -> answer.statusCode() + " " + answer.asString()).toList()::toString);
        assertEquals(7, AtTheSameMoment.withStatus(answers, 200));
        assertEquals(1, answers.stream().map(answer -> answer.path("notificationId")).distinct().count());
        As.viewer().queryParam("accountId", accountId.toString()).queryParam("kind", "STATEMENT")
                .when().get("/notifications")
                .then().statusCode(200).body("total", is(2));
    }

    @Test
    void a_statement_request_needs_a_manager_and_a_readable_period() {
        As.cashier().contentType(ContentType.JSON).body(Map.of("from", "2026-10-01", "to", "2026-10-31"))
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        As.manager().contentType(ContentType.JSON)
                .body(Map.of("from", "2026-11-01", "to", "2026-10-31"))
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(400).body("field", is("from"));
        As.manager().contentType(ContentType.JSON)
                .body(Map.of("from", "2026-10-01", "to", "31/10/2026"))
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(400).body("field", is("to"));
        As.manager().contentType(ContentType.JSON)
                .body(Map.of("from", "2026-10-01", "to", "2026-10-31"))
                .when().post("/accounts/{id}/statements", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void a_statement_for_days_not_over_is_refused_naming_to_and_recorded_never_but_previewed_as_interim() {
        clock.set(LocalDateTime.of(2026, 12, 1, 10, 0));
        events.publish(accountId, 1, opened("noe@" + domain, true, "en"));

        for (Map<String, String> period : List.of(Map.of("from", "2027-01-01", "to", "2027-01-31"),
                Map.of("from", "2026-11-01", "to", "2026-12-01"))) {
            As.manager().contentType(ContentType.JSON).body(period)
                    .when().post("/accounts/{id}/statements", accountId)
                    .then().statusCode(422).contentType(startsWith("application/problem+json"))
                    .body("type", is("https://ardoise.dev/problems/period-not-ended"))
                    .body("field", is("to"))
                    .body("reason", startsWith("the period has not ended: a statement covers days that are over"))
                    .body("reason", containsString("today is 2026-12-01"));
        }
        awaitStatementRequested(accountId, "2026-11-01", "2026-11-30");

        As.viewer().queryParam("from", "2026-12-01").queryParam("to", "2026-12-31").queryParam("format", "text")
                .when().get("/accounts/{id}/statement-preview", accountId)
                .then().statusCode(200).header("X-Statement-Interim", is("true"));
        As.viewer().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").queryParam("format", "text")
                .when().get("/accounts/{id}/statement-preview", accountId)
                .then().statusCode(200).header("X-Statement-Interim", is("false"));
    }

    @Test
    void the_monthly_statement_goes_once_per_account_and_month_to_accounts_that_owe() {
        UUID owesNothing = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        events.publish(accountId, 1, opened("lea@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, charged("400.00"));
        events.publish(owesNothing, 1, opened("noah@" + domain, true, "fr-CA"));
        await().atMost(PATIENCE).until(() -> mailbox.emails("Facture").size() == 1);

        clock.set(LocalDateTime.of(2026, 12, 5, 8, 0));
        await().atMost(PATIENCE).until(() -> mailbox.emails("Relevé").size() == 1);
        // A later account's statement proves the job ran again since: still one for the first account.
        events.publish(later, 1, opened("zoe@" + domain, true, "fr-CA"));
        events.publish(later, 2, charged("100.00"));
        await().atMost(PATIENCE).until(() -> mailbox.emails("Relevé").size() == 2);

        List<Mailbox.Email> statements = mailbox.emails("Relevé");
        assertEquals(1, statements.stream().filter(email -> email.to().startsWith("lea@")).count());
        assertEquals(1, statements.stream().filter(email -> email.to().startsWith("zoe@")).count());
        assertEquals("Relevé de compte du 1 novembre 2026 au 30 novembre 2026 de Quincaillerie Ardoise",
                statements.get(0).subject());
        As.viewer().queryParam("accountId", owesNothing.toString()).when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void a_preview_renders_the_email_without_sending_or_recording_it() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("remi@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, sale);
        awaitOne("Facture");

        As.viewer().queryParam("format", "text")
                .when().get("/invoices/{id}/email-preview", sale.invoiceId())
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .header("X-Email-Subject", is("Facture " + sale.invoiceNumber() + " de Quincaillerie Ardoise"))
                .body(containsString("400,00"), containsString(LINK_BASE));
        As.viewer().queryParam("kind", "REMINDER").queryParam("offset", "7")
                .when().get("/invoices/{id}/email-preview", sale.invoiceId())
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html"), containsString("depuis 7 jours"), not(containsString("{email")));
        String statement = As.viewer().queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .queryParam("format", "text")
                .when().get("/accounts/{id}/statement-preview", accountId)
                .then().statusCode(200).extract().asString();
        assertContains(Mailbox.spaces(statement), "-700,00 $", "-1 520,50 $");
        As.viewer().queryParam("kind", "LETTER").when().get("/invoices/{id}/email-preview", sale.invoiceId())
                .then().statusCode(400).body("field", is("kind"));
        As.viewer().when().get("/invoices/{id}/email-preview", "no-such-invoice").then().statusCode(404);

        As.viewer().queryParam("accountId", accountId.toString()).when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1)).body("items[0].kind", is("INVOICE"));
        assertEquals(1, mailbox.emails().size());
    }

    private String awaitStatementRequested(UUID account, String from, String to) {
        await().atMost(PATIENCE).untilAsserted(() -> As.token(Tokens.of("MANAGER").user("manager-1").sign())
                .contentType(ContentType.JSON)
                .body(Map.of("from", from, "to", to))
                .when().post("/accounts/{id}/statements", account)
                .then().statusCode(202).body("kind", is("STATEMENT")).body("requestedBy", is("manager-1")));
        return As.viewer().queryParam("accountId", account.toString()).queryParam("kind", "STATEMENT")
                .when().get("/notifications")
                .then().statusCode(200).body("items.size()", is(1))
                .extract().path("items[0].notificationId");
    }

    private void awaitRemindersRecordedSent(int count) {
        await().atMost(PATIENCE).untilAsserted(() -> As.viewer().queryParam("accountId", accountId.toString())
                .queryParam("kind", "REMINDER").queryParam("status", "SENT")
                .when().get("/notifications")
                .then().statusCode(200).body("total", is(count)));
    }

    private Mailbox.Email awaitOne(String subjectStart) {
        await().atMost(PATIENCE).until(() -> mailbox.emails(subjectStart).size() >= 1);
        List<Mailbox.Email> emails = mailbox.emails(subjectStart);
        assertEquals(1, emails.size(), emails.toString());
        return emails.get(0);
    }

    /** The claim of the body's payment link, verified as the payment page would verify it now, on the store's clock. */
    private PaymentLinks.PaymentClaim verifiedClaim(String body) {
        return paymentClaimIn(body, clock.instant());
    }

    /** The claim of the body's payment link, verified as the payment page would verify it at {@code now}. */
    static PaymentLinks.PaymentClaim paymentClaimIn(String body, java.time.Instant now) {
        Matcher token = TOKEN.matcher(body);
        assertTrue(token.find(), "no payment link in:\n" + body);
        return VERIFIER.verify(token.group(1), now)
                .orElseThrow(() -> new AssertionError("the payment link's signature is not valid: " + token.group(1)));
    }

    private static Mailbox.Email about(List<Mailbox.Email> emails, SaleCharged invoice) {
        return emails.stream().filter(email -> email.subject().contains(invoice.invoiceNumber())).findFirst()
                .orElseThrow(() -> new AssertionError("no email about " + invoice.invoiceNumber() + " in " + emails));
    }

    private static long count(List<Mailbox.Email> emails, SaleCharged invoice) {
        return emails.stream().filter(email -> email.subject().contains(invoice.invoiceNumber())).count();
    }

    static void assertContains(String body, String... expected) {
        for (String text : expected) {
            assertTrue(body.contains(text), "expected «" + text + "» in:\n" + body);
        }
        assertFalse(body.contains("NOT_FOUND"), body);
    }
}
