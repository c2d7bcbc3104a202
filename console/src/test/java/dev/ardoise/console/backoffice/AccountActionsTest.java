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
import java.util.List;

import static dev.ardoise.console.backoffice.Console.MARIE;
import static dev.ardoise.console.backoffice.Console.as;
import static dev.ardoise.console.backoffice.Console.asked;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager's actions: each one call with the manager's token and the key the form was rendered with, then back to
 * the account page saying what was done; a refusal shown plainly; a viewer refused by the console itself.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
@WithTestResource(value = BackOfficeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountActionsTest {

    @BeforeEach
    void marie_as_the_services_first_knew_her() {
        Console.resetServices();
    }

    @Test
    void a_manager_raises_the_limit_and_sees_the_new_available_amount() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "set-limit");

        String done = anne.request().formParam("key", key).formParam("creditLimit", "1 500,00")
                .post(MARIE + "/credit-limit")
                .then().statusCode(303).header("Location", endsWith(MARIE + "?done=limit-set&v=31")).extract()
                .header("Location");
        String page = anne.request().get(done).then().statusCode(200).extract().asString();

        assertEquals("The credit limit is set.", Html.text(page, "outcome"));
        assertTrue(Html.tag(page, "outcome").contains("class=\"done\""));
        assertEquals("1500.00", Html.amount(page, "credit-limit"));
        assertEquals("800.00", Html.amount(page, "available"));
        assertEquals("-700.00", Html.amount(page, "balance"));
        JsonNode set = asked("account-service", "PUT", "/credit-limit").get(0);
        assertEquals("anne", set.path("user").asText());
        assertEquals("1500.00", set.path("body").path("creditLimit").asText(), "sent as the exact decimal typed");
        assertEquals("31", asked("invoice-service", "GET", "/balance").get(0).path("query").path("minVersion")
                .asText(), "the invoices are read once invoice-service has the new version");
    }

    @Test
    void a_payment_sent_twice_with_its_forms_key_is_recorded_once() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "record-payment");

        anne.request().formParam("key", key).formParam("amount", "100.00").formParam("method", "CASH")
                .post(MARIE + "/payments").then().statusCode(303)
                .header("Location", endsWith("?done=payment&v=31"));
        String again = anne.request().formParam("key", key).formParam("amount", "100.00").formParam("method", "CASH")
                .post(MARIE + "/payments").then().statusCode(303)
                .header("Location", endsWith("?done=payment&replayed=true&v=31")).extract().header("Location");

        List<JsonNode> payments = asked("account-service", "POST", "/payments");
        assertEquals(2, payments.size());
        assertEquals(key, payments.get(0).path("body").path("paymentId").asText());
        assertEquals(key, payments.get(1).path("body").path("paymentId").asText(), "the same key both times");
        String page = anne.request().get(again).asString();
        assertEquals("-600.00", Html.amount(page, "balance"), "paid once");
        assertTrue(Html.text(page, "outcome").contains("nothing was done twice"));
    }

    @Test
    void the_services_refusal_is_shown_plainly_with_the_form_as_it_was_sent() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "close");

        String page = anne.request().formParam("key", key).formParam("reason", "moving away")
                .post(MARIE + "/closure").then()
                .statusCode(422).extract().asString();

        String refusal = Html.text(page, "refusal");
        assertTrue(Html.tag(page, "refusal").contains("class=\"refusal\""));
        assertTrue(refusal.startsWith("The account cannot be closed yet."), refusal);
        assertTrue(refusal.contains("the account can be closed only with nothing owed, nothing held and no deposit "
                + "left (return it first); owed 700.00"), refusal);
        assertEquals(key, Html.key(page, "close"), "sent again, the same request");
        assertTrue(page.contains("value=\"moving away\""));
        assertEquals("300.00", Html.amount(page, "available"));
    }

    @Test
    void an_amount_the_console_cannot_read_is_refused_naming_the_field_before_any_call() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "record-deposit");

        String page = anne.request().formParam("key", key).formParam("amount", "12.345").formParam("purpose", "LAYAWAY")
                .post(MARIE + "/deposits").then().statusCode(400).extract().asString();

        String refusal = Html.text(page, "refusal");
        assertTrue(refusal.contains("Enter an amount such as 125.50"), refusal);
        assertTrue(refusal.contains("Field: amount"), refusal);
        assertEquals(key, Html.key(page, "record-deposit"));
        assertTrue(page.contains("value=\"12.345\""), "what was typed comes back");
        assertTrue(asked("account-service", "POST", "/deposits").isEmpty());
        anne.request().formParam("key", "not-a-key").formParam("amount", "10").formParam("purpose", "OTHER")
                .post(MARIE + "/deposits").then().statusCode(400).body(containsString("reload the page"));
        anne.request().formParam("key", key).formParam("amount", "10").formParam("purpose", "GIFT")
                .post(MARIE + "/deposits").then().statusCode(400).body(containsString("Field:"))
                .body(containsString("purpose"));
        assertTrue(asked("account-service", "POST", "/deposits").isEmpty());
    }

    @Test
    void a_viewers_forced_action_is_refused_by_the_console_and_reaches_no_service() {
        String key = Html.key(as("anne").get(MARIE).asString(), "set-limit");

        as("bob").formParam("key", key).formParam("creditLimit", "99999").post(MARIE + "/credit-limit").then()
                .statusCode(403).body(containsString("id=\"forbidden\""));
        as("bob").formParam("key", key).formParam("amount", "1").formParam("method", "CASH")
                .post(MARIE + "/payments").then().statusCode(403);

        assertTrue(asked("account-service", "PUT", "/credit-limit").isEmpty());
        assertTrue(asked("account-service", "POST", "/payments").isEmpty());
    }

    @Test
    void an_invoice_is_emailed_again_once_per_key() {
        Console.Session anne = Console.signIn("anne");
        String page = anne.request().get(MARIE).asString();
        String form = page.substring(page.indexOf("action=\"/accounts/" + Marie.ID + "/invoices/"));
        String action = form.substring("action=\"".length(), form.indexOf('"', "action=\"".length()));
        String key = Html.attribute(form.substring(form.indexOf("name=\"key\"")), "value");

        anne.request().formParam("key", key).post(action).then().statusCode(303).header("Location",
                endsWith("?done=invoice-resent"));
        anne.request().formParam("key", key).post(action).then().statusCode(303).header("Location",
                endsWith("?done=invoice-resent&replayed=true"));

        List<JsonNode> resends = asked("notification-service", "POST", "/resend");
        assertEquals(key, resends.get(0).path("idempotencyKey").asText());
        assertEquals(key, resends.get(1).path("idempotencyKey").asText());
        assertEquals("/invoices/" + Marie.SECOND_INVOICE + "/resend", resends.get(0).path("path").asText());
    }

    @Test
    void an_invoice_of_another_account_is_not_found_under_maries_address_and_nothing_is_emailed() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "send-statement");

        anne.request().formParam("key", key).post(MARIE + "/invoices/" + InvoiceServiceStub.JEANS_INVOICE + "/resend")
                .then().statusCode(404);
        anne.request().formParam("key", key).post(MARIE + "/invoices/" + Marie.ID + "-MAIN-999999/resend")
                .then().statusCode(404);

        assertTrue(asked("notification-service", "POST", "/resend").isEmpty());
        assertEquals(2, asked("invoice-service", "GET", "/invoices/" + InvoiceServiceStub.JEANS_INVOICE).size()
                + asked("invoice-service", "GET", "-MAIN-999999").size(), "each invoice asked for its account");
    }

    @Test
    void a_statement_is_emailed_for_the_period_chosen() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "send-statement");

        String done = anne.request().formParam("key", key).formParam("from", "2026-11-01").formParam("to", "2026-11-30")
                .post(MARIE + "/statements").then().statusCode(303).extract().header("Location");

        assertEquals("The statement will be emailed.", Html.text(anne.request().get(done).asString(), "outcome"));
        JsonNode asked = asked("notification-service", "POST", "/statements").get(0);
        assertEquals("2026-11-01", asked.path("body").path("from").asText());
        assertEquals("2026-11-30", asked.path("body").path("to").asText());
        assertEquals("anne", asked.path("user").asText());
    }

    @Test
    void a_suspended_account_offers_reactivation() {
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "suspend");

        String done = anne.request().formParam("key", key).post(MARIE + "/suspension").then().statusCode(303).extract()
                .header("Location");
        String page = anne.request().get(done).asString();

        assertEquals("Suspended", Html.text(page, "account-status"));
        assertTrue(Html.has(page, "reactivate"));
        anne.request().formParam("key", Html.key(page, "reactivate")).post(MARIE + "/reactivation").then()
                .statusCode(303);
        assertEquals("Open", Html.text(anne.request().get(MARIE).asString(), "account-status"));
    }

    @Test
    void a_refusal_speaks_french_too() {
        Console.Session anne = Console.signIn("anne").inFrench();
        String key = Html.key(anne.request().get(MARIE).asString(), "close");

        String page = anne.request().formParam("key", key).post(MARIE + "/closure").then().statusCode(422).extract()
                .asString();

        assertTrue(Html.text(page, "refusal").startsWith("Le compte ne peut pas encore être fermé."));
    }

    @Test
    void a_statement_for_a_period_not_over_is_refused_in_words_saying_why() {
        String today = LocalDate.now().toString();
        Console.Session anne = Console.signIn("anne");
        String key = Html.key(anne.request().get(MARIE).asString(), "send-statement");
        String page = anne.request().formParam("key", key).formParam("from", today).formParam("to", today)
                .post(MARIE + "/statements").then().statusCode(422).extract().asString();
        assertTrue(Html.text(page, "refusal").startsWith("The period has not ended"), Html.text(page, "refusal"));

        Console.Session enFrancais = Console.signIn("anne").inFrench();
        String cle = Html.key(enFrancais.request().get(MARIE).asString(), "send-statement");
        String refus = enFrancais.request().formParam("key", cle).formParam("from", today).formParam("to", today)
                .post(MARIE + "/statements").then().statusCode(422).extract().asString();
        assertTrue(Html.text(refus, "refusal").startsWith("La période n'est pas terminée"),
                Html.text(refus, "refusal"));
    }
}
