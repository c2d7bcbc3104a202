package dev.ardoise.invoice.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProblemsTest {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void the_balance_of_an_unknown_account_is_not_found() {
        given().auth().oauth2(Tokens.viewer()).get("/accounts/" + UUID.randomUUID() + "/balance").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("https://ardoise.dev/problems/not-found"))
                .body("title", equalTo("account not found"))
                .body("status", equalTo(404));
    }

    @Test
    void an_account_id_that_is_not_a_uuid_names_no_account() {
        given().auth().oauth2(Tokens.viewer()).get("/accounts/not-an-id/balance").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void the_invoices_of_an_unknown_account_are_not_found() {
        given().auth().oauth2(Tokens.viewer()).get("/accounts/" + UUID.randomUUID() + "/invoices").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void an_unknown_invoice_is_not_found() {
        given().auth().oauth2(Tokens.viewer()).get("/invoices/inv-" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("title", equalTo("invoice not found"));
    }

    @Test
    void an_unknown_invoice_status_is_a_bad_request_naming_status() {
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "LATE").get("/accounts/" + UUID.randomUUID() + "/invoices").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("field", equalTo("status"))
                .body("detail", containsString("OUTSTANDING, PARTIALLY_PAID, PAID, OVERDUE, WRITTEN_OFF"));
    }

    @Test
    void a_min_version_that_is_not_a_number_is_a_bad_request() {
        given().auth().oauth2(Tokens.viewer()).queryParam("minVersion", "soon").get("/accounts/" + UUID.randomUUID() + "/balance").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("field", equalTo("minVersion"));
    }

    @Test
    void a_statement_period_that_runs_backwards_is_a_bad_request_naming_from() {
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2026-10-31").queryParam("to", "2026-10-01")
                .get("/accounts/" + UUID.randomUUID() + "/statement").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("field", equalTo("from"));
    }

    @Test
    void an_unreadable_statement_date_is_a_bad_request_naming_it() {
        given().auth().oauth2(Tokens.viewer()).queryParam("to", "31/10/2026").get("/accounts/" + UUID.randomUUID() + "/statement").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("field", equalTo("to"));
    }

    @Test
    void the_statement_of_an_unknown_account_is_not_found() {
        given().auth().oauth2(Tokens.viewer()).get("/accounts/" + UUID.randomUUID() + "/statement").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void paging_and_sorting_that_cannot_be_read_are_bad_requests_naming_the_field() {
        given().auth().oauth2(Tokens.viewer()).queryParam("size", "0").get("/invoices").then().statusCode(400).body("field", equalTo("size"));
        given().auth().oauth2(Tokens.viewer()).queryParam("page", "-1").get("/accounts").then().statusCode(400).body("field", equalTo("page"));
        given().auth().oauth2(Tokens.viewer()).queryParam("sort", "colour").get("/accounts").then().statusCode(400).body("field", equalTo("sort"))
                .contentType(startsWith(PROBLEM_JSON));
        given().auth().oauth2(Tokens.viewer()).queryParam("sort", "colour").get("/invoices").then().statusCode(400).body("field", equalTo("sort"));
        given().auth().oauth2(Tokens.viewer()).queryParam("order", "up").get("/invoices").then().statusCode(400).body("field", equalTo("order"));
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "LATE").get("/accounts").then().statusCode(400).body("field", equalTo("status"));
        given().auth().oauth2(Tokens.viewer()).queryParam("accountId", "nope").get("/invoices").then().statusCode(400)
                .body("field", equalTo("accountId"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "yesterday").get("/aging").then().statusCode(400).body("field", equalTo("asOf"));
    }
}
