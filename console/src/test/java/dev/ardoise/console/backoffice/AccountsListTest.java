package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.ConsoleTestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ardoise.console.backoffice.Console.as;
import static dev.ardoise.console.backoffice.Console.asked;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accounts list: search, filters and pages forwarded to the services with the user's token, rows as shown. */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
@WithTestResource(value = BackOfficeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountsListTest {

    @BeforeEach
    void marie_as_the_services_first_knew_her() {
        Console.resetServices();
    }

    @Test
    void a_viewer_sees_each_account_with_owed_deposits_available_and_how_much_of_its_limit_is_used() {
        String page = as("bob").get("/accounts").then().statusCode(200).extract().asString();

        String marie = row(page, Marie.ID.toString());
        assertEquals("700.00", Html.attribute(cell(marie, "owed"), "data-amount"));
        assertEquals("200.00", Html.attribute(cell(marie, "deposits"), "data-amount"));
        assertEquals("300.00", Html.attribute(cell(marie, "available"), "data-amount"));
        assertTrue(marie.contains("$700.00") && marie.contains("$300.00"), marie);
        assertTrue(marie.contains("style=\"width: 70%\""), "the bar is owed against the limit: " + marie);
        assertTrue(marie.contains("70 % of $1,000.00"), "the bar's words beside it: " + marie);
        assertTrue(marie.contains("Deposits apart: $200.00"), marie);
        assertTrue(marie.contains("class=\"account-link\" href=\"/accounts/" + Marie.ID + "\">Marie Tremblay<"), marie);
        assertTrue(row(page, "2b1d9a40-7f3e-4a52-8c11-5d2e6f7a8b90").contains("No limit set"));

        JsonNode listed = asked("invoice-service", "GET", "/accounts").get(0);
        assertEquals("bob", listed.path("user").asText(), "the viewer's own token reaches the service");
        assertEquals("[\"VIEWER\"]", listed.path("groups").toString());
    }

    @Test
    void the_search_filters_and_page_are_those_of_invoice_service() {
        as("anne").queryParam("q", "Mar").queryParam("status", "OVERDUE").queryParam("usage", "NEAR_LIMIT")
                .queryParam("deposits", "HELD").queryParam("page", "1").get("/accounts").then().statusCode(200)
                .body(containsString("<option value=\"NEAR_LIMIT\" selected>"))
                .body(containsString("value=\"Mar\""));

        JsonNode query = asked("invoice-service", "GET", "/accounts").get(0).path("query");
        assertEquals("Mar", query.path("q").asText());
        assertEquals("OVERDUE", query.path("status").asText());
        assertEquals("NEAR_LIMIT", query.path("usage").asText());
        assertEquals("HELD", query.path("deposits").asText());
        assertEquals("1", query.path("page").asText());
        assertEquals("25", query.path("size").asText());
    }

    @Test
    void an_email_address_is_looked_up_in_account_service_case_ignored_and_every_account_with_it_is_shown() {
        String page = as("bob").queryParam("q", "Marie.Tremblay@Example.com").get("/accounts").then()
                .statusCode(200).extract().asString();

        assertTrue(row(page, Marie.ID.toString()).contains("data-amount=\"300.00\""));
        String shop = row(page, Marie.SHOP_ID.toString());
        assertEquals("1250.50", Html.attribute(cell(shop, "owed"), "data-amount"));
        assertEquals("3749.50", Html.attribute(cell(shop, "available"), "data-amount"));
        assertTrue(shop.contains("Boutique Tremblay"), shop);
        assertTrue(Html.text(page, "accounts-count").contains("with this email address: 2"),
                Html.text(page, "accounts-count"));
        List<JsonNode> lookups = asked("account-service", "GET", "/accounts/by-email");
        assertEquals("Marie.Tremblay@Example.com", lookups.get(0).path("query").path("email").asText());
        assertTrue(asked("invoice-service").isEmpty(), "an email is not searched by name");

        String nobody = as("bob").queryParam("q", "nobody@example.com").get("/accounts").then().statusCode(200)
                .extract().asString();
        assertTrue(Html.has(nobody, "no-accounts"));
    }

    @Test
    void a_manager_of_another_store_finds_none_of_main_by_email() {
        String page = as("claire").queryParam("q", Marie.EMAIL).get("/accounts").then().statusCode(200).extract()
                .asString();

        assertTrue(Html.has(page, "no-accounts"));
        assertFalse(page.contains(Marie.ID.toString()) || page.contains(Marie.SHOP_ID.toString()));
        assertTrue(Html.text(page, "accounts-count").contains("with this email address: 0"));
        assertEquals("[\"LAVAL\"]", asked("account-service", "GET", "/accounts/by-email").get(0)
                .path("stores").toString(), "the store comes from claire's own token");
    }

    @Test
    void a_filter_the_service_refuses_is_shown_with_the_field_it_names() {
        String page = as("bob").queryParam("status", "LATE").get("/accounts").then().statusCode(400).extract()
                .asString();

        String refusal = Html.text(page, "refusal");
        assertTrue(refusal.contains("status: must be one of OUTSTANDING"), refusal);
        assertTrue(refusal.contains("Field: status"), refusal);
    }

    @Test
    void a_search_longer_than_200_characters_is_refused_before_any_call() {
        as("bob").queryParam("q", "x".repeat(201)).get("/accounts").then().statusCode(400)
                .body(containsString("This text is too long"));
        assertTrue(asked("invoice-service").isEmpty());
    }

    @Test
    void the_list_speaks_french_with_french_amounts() {
        String page = Console.signIn("bob").inFrench().request().get("/accounts").then().statusCode(200).extract()
                .asString();

        assertTrue(page.contains("<html lang=\"fr\">"));
        assertTrue(page.contains("Comptes de crédit"), "accents arrive as they were written");
        String marie = row(page, Marie.ID.toString());
        assertTrue(marie.replace('\u00A0', ' ').replace('\u202F', ' ').contains("700,00 $"), marie);
        assertTrue(marie.contains("En retard"), marie);
        assertFalse(page.contains("Accounts found"));
    }

    @Test
    void an_operator_has_no_back_office() {
        as("ops").get("/accounts").then().statusCode(403).body(containsString("id=\"forbidden\""));
        assertTrue(asked("invoice-service").isEmpty());
    }

    private static String row(String page, String accountId) {
        int start = page.indexOf("data-account-id=\"" + accountId + "\"");
        assertTrue(start >= 0, "no row for " + accountId);
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String cell(String row, String kind) {
        int start = row.indexOf("class=\"amount " + kind + "\"");
        return row.substring(start, row.indexOf('>', start));
    }
}
