package dev.ardoise.invoice.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
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
        given().get("/accounts/" + UUID.randomUUID() + "/balance").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("https://ardoise.dev/problems/not-found"))
                .body("title", equalTo("account not found"))
                .body("status", equalTo(404));
    }

    @Test
    void an_account_id_that_is_not_a_uuid_names_no_account() {
        given().get("/accounts/not-an-id/balance").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void the_invoices_of_an_unknown_account_are_not_found() {
        given().get("/accounts/" + UUID.randomUUID() + "/invoices").then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void an_unknown_invoice_is_not_found() {
        given().get("/invoices/inv-" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("title", equalTo("invoice not found"));
    }

    @Test
    void an_unknown_invoice_status_is_a_bad_request_naming_status() {
        given().queryParam("status", "LATE").get("/accounts/" + UUID.randomUUID() + "/invoices").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("field", equalTo("status"))
                .body("detail", containsString("OUTSTANDING, OVERDUE, PAID"));
    }

    @Test
    void a_min_version_that_is_not_a_number_is_a_bad_request() {
        given().queryParam("minVersion", "soon").get("/accounts/" + UUID.randomUUID() + "/balance").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("field", equalTo("minVersion"));
    }
}
