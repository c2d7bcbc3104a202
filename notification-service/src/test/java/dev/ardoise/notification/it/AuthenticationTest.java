package dev.ardoise.notification.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/** Nobody is who a header says: a verified token or 401, a role the matrix allows or 403. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticationTest {

    @Test
    void without_a_token_the_notifications_are_a_401_problem_even_with_the_old_headers() {
        given().header("X-Actor-Role", "OPERATOR").header("X-User-Id", "mallory")
                .when().get("/notifications")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("unauthenticated"));
        given().when().post("/notifications/retry-failed")
                .then().statusCode(401).body("type", containsString("unauthenticated"));
    }

    @Test
    void an_expired_or_forged_token_is_a_401_problem() {
        As.token(Tokens.of("MANAGER").expired().sign()).when().get("/notifications")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", containsString("unauthenticated"));
        As.token(Tokens.of("OPERATOR").signedByStranger().sign()).when().post("/notifications/retry-failed")
                .then().statusCode(401).body("type", containsString("unauthenticated"));
        As.token(Tokens.of("MANAGER").issuer("someone-else").sign()).when().get("/notifications")
                .then().statusCode(401);
    }

    @Test
    void a_viewer_cannot_ask_for_a_statement_nor_a_cashier_read_the_emails() {
        As.viewer().contentType(ContentType.JSON).body(Map.of("from", "2026-10-01", "to", "2026-10-31"))
                .when().post("/accounts/{id}/statements", UUID.randomUUID())
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("forbidden"));
        As.viewer().when().post("/invoices/{id}/resend", "any-invoice")
                .then().statusCode(403).body("type", containsString("forbidden"));
        As.cashier().when().get("/notifications")
                .then().statusCode(403).body("type", containsString("forbidden"));
    }

    @Test
    void a_manager_cannot_retry_parked_emails_an_operator_can() {
        As.manager().when().post("/notifications/retry-failed")
                .then().statusCode(403).body("type", containsString("forbidden"));
        As.manager().when().post("/notifications/{id}/retry", UUID.randomUUID())
                .then().statusCode(403);
        As.operator().when().post("/notifications/retry-failed")
                .then().statusCode(200).body("retried", greaterThanOrEqualTo(0));
    }
}
