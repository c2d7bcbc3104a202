package dev.ardoise.invoice.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Nobody is who they say: no token, a bad token or the wrong role are refused before anything is read. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticationTest {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String BALANCE = "/accounts/" + UUID.randomUUID() + "/balance";

    private static void unauthenticated(RequestSpecification request) {
        request.get(BALANCE).then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("https://ardoise.dev/problems/unauthenticated"));
    }

    @Test
    void without_a_token_the_answer_is_401() {
        unauthenticated(given());
        given().get("/aging").then().statusCode(401);
        given().post("/admin/rebuild").then().statusCode(401);
    }

    @Test
    void an_expired_token_is_401() {
        unauthenticated(given().auth().oauth2(Tokens.of("MANAGER").expired().sign()));
    }

    @Test
    void a_token_signed_by_another_key_is_401() {
        unauthenticated(given().auth().oauth2(Tokens.of("MANAGER").signedByStranger().sign()));
    }

    @Test
    void a_token_of_another_issuer_is_401() {
        unauthenticated(given().auth().oauth2(Tokens.of("MANAGER").issuer("someone-else").sign()));
    }

    @Test
    void the_old_trusted_headers_gain_nothing() {
        given().header("X-Actor-Role", "OPERATOR").header("X-Store-Id", "OTHER").header("X-User-Id", "anne")
                .post("/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).header("X-Actor-Role", "OPERATOR").post("/admin/rebuild").then()
                .statusCode(403);
    }

    @Test
    void a_viewer_cannot_rebuild_nor_reconcile() {
        given().auth().oauth2(Tokens.viewer()).post("/admin/rebuild").then()
                .statusCode(403)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("https://ardoise.dev/problems/forbidden"));
        given().auth().oauth2(Tokens.manager()).post("/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).post("/admin/reconciliation").then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).get("/admin/rebuild").then().statusCode(403);
    }

    @Test
    void a_cashier_cannot_read_aging_nor_statements() {
        given().auth().oauth2(Tokens.cashier()).get("/aging").then()
                .statusCode(403)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("https://ardoise.dev/problems/forbidden"));
        given().auth().oauth2(Tokens.cashier()).get("/accounts/" + UUID.randomUUID() + "/aging").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.cashier()).get("/accounts/" + UUID.randomUUID() + "/statement").then()
                .statusCode(403);
    }

    @Test
    void an_operator_reads_the_rebuilds_progress_but_no_account() {
        given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get(BALANCE).then().statusCode(403);
    }

    @Test
    void the_openapi_document_needs_no_token() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
