package dev.ardoise.invoice.it;

import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * notification-service signs its statement reads with its own key, which invoice-service trusts for that only:
 * a token of that key is a SERVICE token or nothing. Whoever holds the key cannot act as a manager or an operator.
 * The tests only read: the account is made once for all of them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceKeyTest {

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    private AccountStream account;

    @BeforeAll
    void an_account_with_one_invoice() {
        account = new AccountStream();
        LocalDate day = LocalDate.of(2026, 10, 12);
        Publisher.publish(kafka, account.on(day.minusDays(10)).opened(),
                account.on(day).sale("S-1", "42.10", day, day.plusDays(30)));
        // before the tests, when RestAssured does not know the port yet: the projection's own record of it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ReaderPositions.allAt(dataSource, List.of(account.accountId), 2));
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://ardoise.dev/problems/unauthenticated"));
    }

    @Test
    void a_service_token_of_the_service_key_reads_the_statement() {
        given().auth().oauth2(Tokens.of("SERVICE").stores().user("notification-service").signedAsService().sign())
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get(account.path("/statement")).then()
                .statusCode(200)
                .body("accountId", equalTo(account.accountId.toString()))
                .body("lines.reference", contains("S-1"))
                .body("closingBalance", equalTo("-42.10"));
    }

    @Test
    void a_manager_token_of_the_service_key_is_401_on_a_read() {
        String forged = Tokens.of("MANAGER").signedAsService().sign();
        unauthenticated(given().auth().oauth2(forged).get(account.path("/statement")).then());
        unauthenticated(given().auth().oauth2(forged).get(account.path("/balance")).then());
    }

    @Test
    void an_operator_token_of_the_service_key_is_401_on_rebuild_even_with_service_among_its_roles() {
        unauthenticated(given().auth().oauth2(Tokens.of("OPERATOR").stores().signedAsService().sign())
                .post("/admin/rebuild").then());
        unauthenticated(given().auth().oauth2(Tokens.of("SERVICE").alsoRoles("OPERATOR").stores()
                .signedAsService().sign()).get("/admin/rebuild").then());
    }

    @Test
    void the_issuers_service_and_operator_tokens_are_still_accepted() {
        given().auth().oauth2(Tokens.of("SERVICE").stores().sign()).get(account.path("/statement")).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").then().statusCode(200);
    }
}
