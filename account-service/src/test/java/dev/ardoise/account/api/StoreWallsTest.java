package dev.ardoise.account.api;

import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.RoleMatrix;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.openAccount;
import static dev.ardoise.account.Register.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only a verified token gets in, and a store sees only its own accounts: another store's look absent, also when
 * looked up by customer id, and left out when looked up by email.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StoreWallsTest {
    private static final String PROBLEMS = "https://ardoise.dev/problems/";

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type)).body("status", equalTo(status));
    }

    private static ValidatableResponse unauthenticated(ValidatableResponse response) {
        return problem(response, 401, "unauthenticated").header("WWW-Authenticate", "Bearer");
    }

    private static Map<String, Object> customer(String customerId) {
        return Map.of("customerId", customerId, "name", "Jean Roy", "language", "en", "currency", "CAD");
    }

    private static Map<String, Object> customer(String customerId, String email) {
        return Map.of("customerId", customerId, "name", "Marie Tremblay", "email", email, "language", "fr-CA",
                "currency", "CAD");
    }

    @Test
    void without_a_valid_token_nothing_is_read_or_changed() {
        String accountId = openAccount("100.00");
        Map<String, String> sale = Map.of("saleId", "s1", "amount", "1.00");

        unauthenticated(given().get("/accounts/{id}", accountId).then());
        unauthenticated(given().contentType("application/json").header("X-Actor-Role", "MANAGER").body(sale)
                .post("/accounts/{id}/charges", accountId).then());
        unauthenticated(post(as(Tokens.of("CASHIER").expired().sign()), accountId, "charges", sale));
        unauthenticated(post(as(Tokens.of("MANAGER").signedByStranger().sign()), accountId, "charges", sale));
        unauthenticated(post(as(Tokens.of("CASHIER").issuer("someone-else").sign()), accountId, "charges", sale));

        cashier().get("/accounts/{id}", accountId).then().statusCode(200).body("version", equalTo(2))
                .body("balance", equalTo("0.00"));
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void another_stores_account_is_not_found_on_read_on_charge_and_in_its_history_and_nothing_is_recorded() {
        String eastAccountId = openAccount(Tokens.of("MANAGER").stores("EAST").sign(), "100.00");
        var eastCashier = as(Tokens.of("CASHIER").stores("EAST").sign());
        String missing = problem(cashier().get("/accounts/{id}", UUID.randomUUID()).then(), 404, "not-found")
                .extract().path("title");

        problem(cashier().get("/accounts/{id}", eastAccountId).then(), 404, "not-found")
                .body("title", equalTo(missing));
        problem(cashier().get("/accounts/{id}/events", eastAccountId).then(), 404, "not-found");
        problem(cashier().get("/accounts/{id}?asOf=2100-01-01T00:00:00Z", eastAccountId).then(), 404, "not-found");
        problem(post(cashier(), eastAccountId, "charges", Map.of("saleId", "s1", "amount", "1.00")), 404,
                "not-found").body("title", equalTo(missing));
        problem(post(as(Tokens.of("MANAGER").sign()), eastAccountId, "write-offs", Map.of("writeOffId", "w1",
                "invoiceId", "x", "reasonCode", "UNCOLLECTABLE")), 404, "not-found");
        problem(as(Tokens.of("MANAGER").sign()).body(Map.of("creditLimit", "9000.00"))
                .put("/accounts/{id}/credit-limit", eastAccountId).then(), 404, "not-found");

        eastCashier.get("/accounts/{id}", eastAccountId).then().statusCode(200).body("version", equalTo(2))
                .body("creditLimit", equalTo("100.00")).body("balance", equalTo("0.00"));
        as(Tokens.of("CASHIER").stores("MAIN", "EAST").sign()).get("/accounts/{id}", eastAccountId).then()
                .statusCode(200);
    }

    @Test
    void a_customer_id_in_two_stores_is_two_customers_with_two_accounts_each_found_only_by_its_store() {
        String customerId = "C-" + UUID.randomUUID();

        String main = cashier().body(customer(customerId)).post("/accounts").then().statusCode(201)
                .extract().path("accountId");
        String east = as(Tokens.of("CASHIER").stores("EAST").sign()).body(customer(customerId)).post("/accounts")
                .then().statusCode(201).body("accountId", not(equalTo(main))).extract().path("accountId");
        cashier().body(customer(customerId)).post("/accounts").then().statusCode(200)
                .body("accountId", equalTo(main));

        cashier().get("/accounts?customerId={c}", customerId).then().statusCode(200).body("accountId", equalTo(main));
        as(Tokens.of("VIEWER").stores("EAST").sign()).get("/accounts?customerId={c}", customerId).then()
                .statusCode(200).body("accountId", equalTo(east));
        problem(as(Tokens.of("VIEWER").stores("WEST").sign()).get("/accounts?customerId={c}", customerId).then(),
                404, "not-found");
        var both = Tokens.of("VIEWER").stores("MAIN", "EAST").sign();
        problem(as(both).get("/accounts?customerId={c}", customerId).then(), 400, "invalid-request")
                .body("field", equalTo("storeId"));
        as(both).get("/accounts?customerId={c}&storeId=EAST", customerId).then().statusCode(200)
                .body("accountId", equalTo(east));
        assertEquals("EAST", as(Tokens.of("VIEWER").stores("EAST").sign()).get("/accounts/{id}/events", east)
                .then().extract().jsonPath().getString("data.storeId[0]"));
    }

    private static String open(RequestSpecification cashier, String customerId, String email) {
        return cashier.body(customer(customerId, email)).post("/accounts").then().statusCode(201)
                .extract().path("accountId");
    }

    private static ValidatableResponse byEmail(String token, String email) {
        return as(token).get("/accounts/by-email?email={e}", email).then();
    }

    @Test
    void a_family_sharing_an_address_is_found_whole_case_ignored_in_the_callers_stores_only() {
        String tag = UUID.randomUUID().toString();
        String email = "Family." + tag + "@Example.com";
        String mother = open(cashier(), "C-1-" + tag, email);
        String son = open(cashier(), "C-2-" + tag, email.toLowerCase());
        String east = open(as(Tokens.of("CASHIER").stores("EAST").sign()), "C-3-" + tag, email.toUpperCase());
        open(cashier(), "C-4-" + tag, "other." + tag + "@example.com");

        byEmail(Tokens.of("VIEWER").sign(), email.toUpperCase()).statusCode(200).body("$", hasSize(2))
                .body("accountId", containsInAnyOrder(mother, son)).body("storeId", everyItem(equalTo("MAIN")))
                .body("find { it.accountId == '" + mother + "' }.email", equalTo(email))
                .body("find { it.accountId == '" + son + "' }.customerId", equalTo("C-2-" + tag));
        var mainFirst = mother.compareTo(son) < 0 ? List.of(mother, son) : List.of(son, mother);
        byEmail(Tokens.of("MANAGER").stores("MAIN", "EAST").sign(), email).statusCode(200)
                .body("accountId", contains(east, mainFirst.get(0), mainFirst.get(1)))
                .body("storeId", contains("EAST", "MAIN", "MAIN"));
        byEmail(Tokens.of("CASHIER").stores("EAST").sign(), email.toLowerCase()).statusCode(200)
                .body("accountId", contains(east));
        byEmail(Tokens.of("VIEWER").stores(RoleMatrix.otherStore()).sign(), email).statusCode(200)
                .body("$", empty());
    }

    @Test
    void only_the_current_address_finds_an_account() {
        String tag = UUID.randomUUID().toString();
        String first = "marie." + tag + "@example.com";
        String moved = "Marie." + tag + "@Elsewhere.example";
        String marie = open(cashier(), "C-" + tag, first);
        as(Tokens.of("MANAGER").sign()).body(Map.of("name", "Marie Tremblay", "email", moved, "language", "fr-CA"))
                .put("/accounts/{id}/customer", marie).then().statusCode(200);

        byEmail(Tokens.cashier(), first).statusCode(200).body("$", empty());
        byEmail(Tokens.cashier(), moved.toLowerCase()).statusCode(200).body("accountId", contains(marie))
                .body("email", contains(moved));

        as(Tokens.of("MANAGER").sign()).body(Map.of("name", "Marie Tremblay", "language", "fr-CA"))
                .put("/accounts/{id}/customer", marie).then().statusCode(200);
        byEmail(Tokens.cashier(), moved).statusCode(200).body("$", empty());
    }

    @Test
    void an_address_nobody_has_finds_an_empty_list_and_a_bad_one_a_400_that_does_not_repeat_it() {
        String tag = UUID.randomUUID().toString();
        byEmail(Tokens.cashier(), "nobody." + tag + "@example.com").statusCode(200).body("$", empty());

        String tooLong = tag + "@example.com".repeat(20);
        for (String bad : List.of("marie-at-" + tag + ".example", "marie@" + tag, " ", tooLong)) {
            problem(byEmail(Tokens.cashier(), bad), 400, "invalid-request").body("field", equalTo("email"))
                    .body("detail", not(containsString(tag)));
        }
        problem(cashier().get("/accounts/by-email").then(), 400, "invalid-request").body("field", equalTo("email"));
        problem(cashier().get("/accounts?email={e}", "nobody." + tag + "@example.com").then(), 400,
                "invalid-request").body("field", equalTo("customerId"));
    }

    @Test
    void the_look_up_by_email_answers_at_most_its_bound() {
        String tag = UUID.randomUUID().toString();
        String email = "crowd." + tag + "@example.com";
        for (int i = 0; i <= CreditAccounts.MOST_WITH_ONE_EMAIL; i++) {
            open(cashier(), "C-" + i + "-" + tag, email);
        }

        byEmail(Tokens.cashier(), email).statusCode(200).body("$", hasSize(CreditAccounts.MOST_WITH_ONE_EMAIL));
    }

    @Test
    void an_account_is_opened_in_the_tokens_store_or_the_one_the_body_names_among_the_tokens() {
        var twoStores = Tokens.of("CASHIER").stores("MAIN", "EAST").sign();
        String customerId = "C-" + UUID.randomUUID();

        problem(as(twoStores).body(customer(customerId)).post("/accounts").then(), 422, "store-not-yours")
                .body("field", equalTo("storeId"));
        Map<String, Object> west = new java.util.HashMap<>(customer(customerId));
        west.put("storeId", "WEST");
        problem(as(twoStores).body(west).post("/accounts").then(), 422, "store-not-yours")
                .body("field", equalTo("storeId"));
        problem(as(Tokens.of("MANAGER").stores().sign()).body(customer(customerId)).post("/accounts").then(), 403,
                "forbidden");
        problem(cashier().get("/accounts?customerId={c}", customerId).then(), 404, "not-found");

        Map<String, Object> east = new java.util.HashMap<>(customer(customerId));
        east.put("storeId", "EAST");
        String accountId = as(twoStores).body(east).post("/accounts").then().statusCode(201).extract()
                .path("accountId");
        var events = as(Tokens.of("VIEWER").stores("EAST").sign()).get("/accounts/{id}/events", accountId).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("EAST", events.getString("data.storeId[0]"));
        assertEquals("EAST", events.getString("metadata.actor.storeId[0]"));
        problem(cashier().get("/accounts/{id}", accountId).then(), 404, "not-found");
    }
}
