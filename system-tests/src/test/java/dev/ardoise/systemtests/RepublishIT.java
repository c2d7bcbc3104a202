package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An operator republishes an account's events (account-service, from its event store, through the outbox relay):
 * the readers already had them and apply nothing twice, neither invoice-service's figures nor
 * notification-service's invoice emails; the account's next sale is applied once, after them.
 */
@ExtendWith(Ardoise.class)
class RepublishIT {
    private final String cashier = Ardoise.tokens().of("CASHIER").user("lea").register("R1").sign();
    private final String manager = Ardoise.tokens().of("MANAGER").user("anne").sign();
    private final String viewer = Ardoise.tokens().viewer();
    private final String operator = Ardoise.tokens().operator();

    @Test
    void a_republished_account_is_applied_once_by_each_reader() {
        String account = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Rose Roy",
                        "email", "rose." + UUID.randomUUID() + "@example.com", "emailConsent", true,
                        "language", "en", "currency", "CAD", "creditLimit", "500.00"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
        charge(account, "sale-1", "100.00");
        int version = (int) charge(account, "sale-2", "50.00").get("version");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(viewer).get(invoices() + "/accounts/{id}/balance?minVersion={v}", account, version)
                        .then().statusCode(200).body("version", equalTo(version)).body("balance", equalTo("-150.00")));

        given().auth().oauth2(operator).post(accounts() + "/admin/accounts/{id}/republish", account).then()
                .statusCode(202).body("queued", equalTo(version));
        Map<String, Object> third = charge(account, "sale-3", "25.00");
        int after = (int) third.get("version");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(viewer).get(invoices() + "/accounts/{id}/balance?minVersion={v}", account, after)
                        .then().statusCode(200).body("version", equalTo(after)).body("balance", equalTo("-175.00")));
        given().auth().oauth2(viewer).get(invoices() + "/accounts/{id}/invoices", account).then().statusCode(200)
                .body("items.size()", equalTo(3));
        // the third sale's email is decided after the republished events were read: a second email for sale-1 or
        // sale-2 would be recorded by then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(viewer).get(notifications() + "/notifications?accountId={id}", account)
                        .then().statusCode(200).body("items.invoiceId", hasItem(third.get("invoiceId"))));
        given().auth().oauth2(viewer).get(notifications() + "/notifications?accountId={id}", account)
                .then().statusCode(200).body("total", equalTo(3)).body("items.invoiceId.unique().size()", equalTo(3));
    }

    private Map<String, Object> charge(String accountId, String saleId, String amount) {
        return given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("saleId", saleId, "amount", amount))
                .post(accounts() + "/accounts/{id}/charges", accountId).then().statusCode(201)
                .extract().jsonPath().getMap("");
    }
}
