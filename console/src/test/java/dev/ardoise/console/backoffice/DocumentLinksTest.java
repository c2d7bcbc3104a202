package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.ConsoleTestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.ardoise.console.backoffice.Console.MARIE;
import static dev.ardoise.console.backoffice.Console.as;
import static dev.ardoise.console.backoffice.Console.asked;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account page's PDF links: each invoice's and the statement period's, answered with notification-service's PDF
 * asked with the user's own token; another account's invoice and another store's account are not found.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
@WithTestResource(value = BackOfficeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DocumentLinksTest {

    @BeforeEach
    void marie_as_the_services_first_knew_her() {
        Console.resetServices();
    }

    @Test
    void a_viewer_downloads_each_invoice_as_the_pdf_notification_service_makes() {
        String page = as("bob").get(MARIE).then().statusCode(200).extract().asString();

        List<String> links = Html.all(page, "href").stream().filter(href -> href.endsWith("/pdf")).toList();
        assertEquals(List.of(MARIE + "/invoices/" + Marie.SECOND_INVOICE + "/pdf",
                MARIE + "/invoices/" + Marie.FIRST_INVOICE + "/pdf"), links);
        assertTrue(page.contains("aria-label=\"Download invoice MAIN-000002 as PDF\""), "each link names its invoice");

        ExtractableResponse<Response> pdf = as("bob").get(links.get(0)).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"MAIN-000002.pdf\"").extract();

        assertArrayEquals(NotificationServiceStub.pdfOf(Marie.SECOND_INVOICE), pdf.asByteArray());
        List<JsonNode> calls = asked("notification-service", "GET", "/pdf");
        assertEquals(1, calls.size());
        assertEquals("/invoices/" + Marie.SECOND_INVOICE + "/pdf", calls.get(0).path("path").asText());
        assertEquals("bob", calls.get(0).path("user").asText());
    }

    @Test
    void the_statement_form_downloads_the_period_as_pdf() {
        String page = as("anne").get(MARIE).then().statusCode(200).extract().asString();
        assertEquals(MARIE + "/statement.pdf", Html.attribute(Html.tag(page, "statement-pdf"), "formaction"));
        LocalDate monthStart = LocalDate.now().withDayOfMonth(1);
        assertEquals(monthStart.minusMonths(1).toString(), Html.attribute(Html.tag(page, "pdf-from"), "value"),
                "last month by default: a period that is over, not an interim statement");
        assertEquals(monthStart.minusDays(1).toString(), Html.attribute(Html.tag(page, "pdf-to"), "value"));

        byte[] pdf = as("anne").queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get(MARIE + "/statement.pdf").then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"statement-2026-10-01-2026-10-31.pdf\"")
                .extract().asByteArray();

        assertArrayEquals(NotificationServiceStub.pdfOf("2026-10-01-2026-10-31"), pdf);
        JsonNode call = asked("notification-service", "GET", "/statement.pdf").get(0);
        assertEquals("anne", call.path("user").asText());
        assertEquals("2026-10-01", call.path("query").path("from").asText());
        assertEquals("2026-10-31", call.path("query").path("to").asText());
    }

    @Test
    void a_period_without_its_end_is_refused_before_any_call() {
        String refused = as("anne").queryParam("from", "2026-10-01").get(MARIE + "/statement.pdf")
                .then().statusCode(400).extract().asString();

        assertEquals("to", Html.attribute(Html.tag(refused, "refusal"), "data-field"));
        assertTrue(asked("notification-service", "GET", "/statement.pdf").isEmpty());
    }

    @Test
    void another_accounts_invoice_and_another_stores_account_are_not_found() {
        as("bob").get(MARIE + "/invoices/" + InvoiceServiceStub.JEANS_INVOICE + "/pdf").then().statusCode(404);
        as("bob").get(MARIE + "/invoices/" + Marie.ID + "-MAIN-999999/pdf").then().statusCode(404);
        as("bob").queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/accounts/" + Marie.EAST + "/statement.pdf").then().statusCode(404);
        assertTrue(asked("notification-service", "GET", "/pdf").isEmpty(), "no invoice PDF asked for");
    }

    @Test
    void an_operator_gets_no_pdf_of_the_back_office() {
        as("ops").get(MARIE + "/invoices/" + Marie.SECOND_INVOICE + "/pdf").then().statusCode(403)
                .body(containsString("id=\"forbidden\""));
        assertTrue(asked("notification-service").isEmpty());
    }
}
