package dev.ardoise.account.api;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.openAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTP_MAX_BODY_SIZE (512K here, as by default): a larger body is refused before it is read, as a problem naming the
 * body and the limit (http-conventions' BodyLimit, the same in the three services); one just under it is read and
 * refused by the input rules, naming the field.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BodyLimitTest {
    private static final int LIMIT = 512 * 1024;

    private static String chargeWithDescriptionOf(int characters) {
        return "{\"saleId\":\"big-1\",\"amount\":\"1.00\",\"lines\":[{\"description\":\"" + "x".repeat(characters)
                + "\",\"quantity\":\"1\",\"unitPrice\":\"1.00\"}]}";
    }

    private static int version(String accountId) {
        return cashier().get("/accounts/{id}", accountId).then().statusCode(200).extract().path("version");
    }

    @Test
    void a_body_past_the_limit_is_a_problem_naming_the_body_and_the_limit_and_nothing_is_recorded() {
        String accountId = openAccount("5000.00");
        int before = version(accountId);

        cashier().body(chargeWithDescriptionOf(LIMIT)).post("/accounts/{id}/charges", accountId).then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://ardoise.dev/problems/body-too-large"))
                .body("field", equalTo("body"))
                .body("limit", equalTo(LIMIT));

        assertEquals(before, version(accountId));
    }

    @Test
    void a_body_just_under_the_limit_is_read_and_refused_by_the_input_rules() {
        String accountId = openAccount("5000.00");

        cashier().body(chargeWithDescriptionOf(LIMIT - 200)).post("/accounts/{id}/charges", accountId).then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", equalTo("lines[0].description"));
    }
}
