package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.ConsoleTestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static dev.ardoise.console.backoffice.Console.MARIE;
import static dev.ardoise.console.backoffice.Console.as;
import static dev.ardoise.console.backoffice.Console.asked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account page: what it shows from the three services, to whom, and what another store's account is. */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
@WithTestResource(value = BackOfficeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountPageTest {

    @BeforeEach
    void marie_as_the_services_first_knew_her() {
        Console.resetServices();
    }

    @Test
    void a_manager_sees_what_marie_owes_her_deposits_and_what_is_available() {
        String page = as("anne").get(MARIE).then().statusCode(200).extract().asString();

        assertEquals("-700.00", Html.amount(page, "balance"));
        assertEquals("200.00", Html.amount(page, "deposit-balance"));
        assertEquals("300.00", Html.amount(page, "available"));
        assertEquals("1000.00", Html.amount(page, "credit-limit"));
        assertEquals("-$700.00", Html.text(page, "balance"));
        assertEquals("Marie Tremblay", Html.text(page, "customer-name"));
        assertEquals("C-1001", Html.text(page, "customer-id"));
        assertEquals(Marie.EMAIL, Html.text(page, "customer-email"));
        assertEquals("Given", Html.text(page, "email-consent"));
        assertEquals("Open", Html.text(page, "account-status"));
        assertEquals("MAIN", Html.text(page, "store"));
        for (String service : List.of("account-service", "invoice-service", "notification-service")) {
            assertTrue(asked(service).stream().allMatch(request -> request.path("user").asText().equals("anne")),
                    service + " was called with anne's own token");
        }
    }

    @Test
    void the_invoices_say_their_status_due_date_and_days_past_due() {
        String page = as("bob").get(MARIE).then().statusCode(200).extract().asString();

        String invoices = Html.text(page, "invoices");
        long late = ChronoUnit.DAYS.between(LocalDate.parse(Marie.OVERDUE_SINCE), LocalDate.now());
        assertTrue(invoices.contains("MAIN-000001 Overdue Dec. 16, 2025 Jan. 15, 2026 $500.00 $500.00 " + late),
                invoices);
        assertTrue(invoices.contains("MAIN-000002 Outstanding Nov. 20, 2026 Dec. 20, 2099 $200.00 $200.00 —"),
                invoices);
    }

    @Test
    void the_history_is_newest_first_with_who_when_and_why_a_page_at_a_time() {
        String page = as("bob").get(MARIE).then().statusCode(200).extract().asString();

        List<String> versions = Html.all(page, "data-version");
        assertEquals(25, versions.size());
        assertEquals("30", versions.get(0));
        assertEquals("6", versions.get(24));
        String history = Html.text(page, "history");
        assertTrue(history.contains("Email consent given"), history);
        assertTrue(history.contains("Credit hold voided $10.00 luc · cashier · register R1 · store MAIN "
                + "customer left without buying"), history);
        assertTrue(page.contains("href=\"" + MARIE + "?history=1#history-title\""));
        JsonNode read = asked("account-service", "GET", "/events").get(0).path("query");
        assertEquals("5", read.path("after").asText());
        assertEquals("25", read.path("limit").asText());

        String older = as("bob").queryParam("history", "1").get(MARIE).then().statusCode(200).extract().asString();
        assertEquals(List.of("5", "4", "3", "2", "1"), Html.all(older, "data-version"));
        String first = Html.text(older, "history");
        assertTrue(first.contains("Credit limit set $1,000.00 anne · manager"), first);
        assertTrue(first.contains("Deposit added $200.00 · Layaway · order 4471 luc · cashier · register R1"),
                first);
    }

    @Test
    void the_emails_say_what_was_sent_and_what_was_skipped_and_why() {
        String page = as("bob").get(MARIE).then().statusCode(200).extract().asString();

        String emails = Html.text(page, "emails");
        assertTrue(emails.contains("Reminder MAIN-000001 Not sent"), emails);
        assertTrue(emails.contains("the customer has not consented to email"), emails);
        assertTrue(emails.contains("Invoice MAIN-000002 Sent"), emails);
    }

    @Test
    void a_manager_has_every_action_each_form_with_its_own_key() {
        String page = as("anne").get(MARIE).then().statusCode(200).extract().asString();

        List<String> forms = List.of("set-limit", "record-payment", "record-deposit", "refund", "adjust",
                "write-off", "suspend", "close", "send-statement");
        HashSet<String> keys = new HashSet<>();
        for (String form : forms) {
            assertTrue(Html.tag(page, form).contains("class=\"action"), form);
            keys.add(UUID.fromString(Html.key(page, form)).toString());
        }
        assertEquals(forms.size(), keys.size(), "a key per form");
        assertTrue(Html.has(page, "new-limit"));
        assertEquals(2, page.split("class=\"resend-invoice").length - 1, "a resend button per invoice");
        assertFalse(Html.has(page, "reactivate"), "an open account is suspended, not reactivated");
    }

    @Test
    void a_viewer_reads_everything_and_is_shown_no_action() {
        String page = as("bob").get(MARIE).then().statusCode(200).extract().asString();

        assertEquals("300.00", Html.amount(page, "available"));
        assertFalse(page.contains("class=\"action"), "no form.action for a viewer");
        assertFalse(page.contains("resend-invoice"));
        assertFalse(page.contains("method=\"post\" action=\"/accounts"));
        assertTrue(Html.has(page, "statement") && Html.has(page, "emails"));
    }

    @Test
    void another_stores_account_is_not_found_exactly_as_one_that_does_not_exist() {
        String east = as("anne").get("/accounts/" + Marie.EAST).then().statusCode(404).extract().asString();
        String missing = as("anne").get("/accounts/" + UUID.randomUUID()).then().statusCode(404).extract()
                .asString();
        String unreadable = as("anne").get("/accounts/not-an-id").then().statusCode(404).extract().asString();

        assertEquals(Html.text(missing, "content"), Html.text(east, "content"));
        assertEquals(Html.text(missing, "content"), Html.text(unreadable, "content"));
        assertTrue(Html.text(east, "not-found").contains("No account of your stores"));
        as("anne").get("/accounts/" + Marie.EAST + "/statement").then().statusCode(404);
    }

    @Test
    void the_printable_statement_is_invoice_services_for_the_period_asked() {
        String page = as("bob").queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(MARIE + "/statement").then().statusCode(200).extract().asString();

        assertEquals("-500.00", Html.amount(page, "opening-balance"));
        assertEquals("-700.00", Html.amount(page, "closing-balance"));
        assertTrue(Html.text(page, "statement-lines").contains("Charge Invoice MAIN-000002 MAIN-000002 -$200.00"));
        assertTrue(page.contains("href=\"/backoffice.css\""), "its print stylesheet");
        JsonNode asked = asked("invoice-service", "GET", "/statement").get(0).path("query");
        assertEquals("2026-11-01", asked.path("from").asText());
        assertEquals("2026-11-30", asked.path("to").asText());

        String refused = as("bob").queryParam("from", "2026-12-01").queryParam("to", "2026-11-30")
                .get(MARIE + "/statement").then().statusCode(400).extract().asString();
        assertTrue(Html.text(refused, "refusal").contains("The start of the period is after its end. Field: from"));
    }

    @Test
    void a_statement_of_a_period_not_over_says_it_is_the_statement_so_far() {
        String today = LocalDate.now().toString();
        String interim = as("bob").queryParam("from", LocalDate.now().withDayOfMonth(1).toString())
                .queryParam("to", today).get(MARIE + "/statement").then().statusCode(200).extract().asString();
        String over = as("bob").queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(MARIE + "/statement").then().statusCode(200).extract().asString();

        assertTrue(Html.text(interim, "statement-interim").startsWith("Interim: the period is not over."));
        assertFalse(Html.has(over, "statement-interim"));
    }

    @Test
    void the_statement_to_email_is_last_months_by_default_a_period_that_is_over() {
        String page = as("anne").get(MARIE).then().statusCode(200).extract().asString();
        LocalDate monthStart = LocalDate.now().withDayOfMonth(1);

        assertEquals(monthStart.minusMonths(1).toString(), Html.attribute(Html.tag(page, "send-from"), "value"));
        assertEquals(monthStart.minusDays(1).toString(), Html.attribute(Html.tag(page, "send-to"), "value"));
    }

    @Test
    void the_account_page_speaks_french() {
        String page = Console.signIn("anne").inFrench().request().get(MARIE).then().statusCode(200).extract()
                .asString();

        assertEquals("-700.00", Html.amount(page, "balance"));
        assertEquals("-700,00 $", Html.text(page, "balance").replace('\u00A0', ' ').replace('\u202F', ' '));
        assertEquals("Donné", Html.text(page, "email-consent"));
        assertTrue(Html.text(page, "history").contains("Retenue de crédit annulée"));
        assertTrue(Html.text(page, "emails").contains("le client n'a pas consenti aux courriels"));
        assertTrue(page.contains("Enregistrer un paiement"));
    }
}
