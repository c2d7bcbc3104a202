package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The back office's filters of the accounts list: near the limit (80 % of it owed or more, not over), over the limit,
 * deposits held; each combined with the search, and refused by name when it cannot be read.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFiltersTest {
    private final String tag = "Filters " + UUID.randomUUID();

    @InjectKafka
    KafkaCompanion kafka;

    @BeforeAll
    void accounts_of_every_usage() {
        account("Marie", "1000.00", "700.00", "200.00");
        account("Near", "1000.00", "800.00", null);
        account("Almost", "1000.00", "799.99", null);
        account("Over", "1000.00", "900.00", null, "500.00");
        account("Full", "500.00", "500.00", "0.01");
        account("Unlimited", null, null, "50.00");
        account("Zero", "0.00", null, null);
    }

    @BeforeEach
    void the_list_holds_them_all() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                list().get("/accounts").then().statusCode(200).body("total", equalTo(7)));
    }

    @Test
    void near_the_limit_is_80_percent_of_it_owed_or_more_up_to_the_limit() {
        list().queryParam("usage", "NEAR_LIMIT").get("/accounts").then().statusCode(200)
                .body("items.customerName", containsInAnyOrder(named("Near"), named("Full")))
                .body("total", equalTo(2));
        list().queryParam("usage", "near_limit").queryParam("deposits", "held").get("/accounts").then()
                .body("items.customerName", containsInAnyOrder(named("Full")));
    }

    @Test
    void over_the_limit_owes_more_than_the_limit_lowered_below_it() {
        list().queryParam("usage", "OVER_LIMIT").get("/accounts").then().statusCode(200)
                .body("items.customerName", containsInAnyOrder(named("Over")))
                .body("items[0].outstanding", equalTo("900.00")).body("items[0].creditLimit", equalTo("500.00"))
                .body("items[0].available", equalTo("0.00"));
    }

    @Test
    void deposits_held_are_the_accounts_with_a_deposit_balance() {
        list().queryParam("deposits", "HELD").get("/accounts").then().statusCode(200)
                .body("items.customerName", containsInAnyOrder(named("Marie"), named("Full"), named("Unlimited")))
                .body("items.find { it.customerName == '" + named("Marie") + "' }.depositBalance",
                        equalTo("200.00"));
    }

    @Test
    void a_filter_that_cannot_be_read_is_a_bad_request_naming_it() {
        list().queryParam("usage", "FULL").get("/accounts").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("usage"))
                .body("detail", containsString("NEAR_LIMIT, OVER_LIMIT"));
        list().queryParam("deposits", "NONE").get("/accounts").then().statusCode(400)
                .body("field", equalTo("deposits")).body("detail", containsString("HELD"));
    }

    private RequestSpecification list() {
        return given().auth().oauth2(Tokens.viewer()).queryParam("q", tag).queryParam("size", "50");
    }

    private String named(String name) {
        return name + " " + tag;
    }

    private void account(String name, String limit, String charged, String deposit, String loweredTo) {
        AccountStream account = new AccountStream();
        Publisher.publish(kafka, account.event(new AccountOpened("C-" + account.accountId, named(name), null, false,
                "en", "CAD", "MAIN")));
        if (limit != null) {
            Publisher.publish(kafka, account.creditLimitSet(limit));
        }
        if (charged != null) {
            Publisher.publish(kafka, account.charged(charged));
        }
        if (deposit != null) {
            Publisher.publish(kafka, account.depositAdded(deposit));
        }
        if (loweredTo != null) {
            Publisher.publish(kafka, account.event(new CreditLimitSet(new BigDecimal(loweredTo),
                    new BigDecimal(limit))));
        }
    }

    private void account(String name, String limit, String charged, String deposit) {
        account(name, limit, charged, deposit, null);
    }
}
