package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merchant's worked example, end to end: the three services run as separate processes from their built
 * jars, on one real PostgreSQL, one real Kafka broker and one real SMTP server, all started by the local stack.
 * Every call carries the token of the role docs/security.md gives it: a cashier at the till, a manager, the back
 * office, an operator.
 */
@ExtendWith(Ardoise.class)
class WorkedExampleIT {
    private static final ZoneId STORE_ZONE = ZoneId.of("America/Toronto");
    private final String cashier = Ardoise.tokens().of("CASHIER").user("lea").register("R1").sign();
    private final String manager = Ardoise.tokens().of("MANAGER").user("anne").sign();
    private final String viewer = Ardoise.tokens().viewer();
    private final String operator = Ardoise.tokens().operator();
    private final MailInbox inbox = Ardoise.inbox();

    @Test
    void limit_charges_and_deposit_give_the_merchants_figures_and_invoices_go_only_to_the_consenting_customer()
            throws Exception {
        String marie = "marie." + UUID.randomUUID() + "@example.com";
        String jean = "jean." + UUID.randomUUID() + "@example.com";
        String marieAccount = openAccount("Marie Tremblay", marie, true, "fr-CA");
        String jeanAccount = openAccount("Jean Roy", jean, false, "en");

        charge(marieAccount, "sale-1", "400.00", 201);
        charge(marieAccount, "sale-2", "300.00", 201);
        charge(jeanAccount, "sale-3", "50.00", 201);
        given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("depositId", "dep-1", "amount", "200.00", "purpose", "SPECIAL_ORDER"))
                .post(accounts() + "/accounts/{id}/deposits", marieAccount).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(viewer).get(invoices() + "/accounts/{id}/balance", marieAccount).then()
                        .statusCode(200)
                        .body("creditLimit", equalTo("1000.00"))
                        .body("balance", equalTo("-700.00"))
                        .body("depositBalance", equalTo("200.00"))
                        .body("available", equalTo("300.00")));

        charge(marieAccount, "sale-4", "300.01", 422)
                .body("available", equalTo("300.00"))
                .contentType("application/problem+json");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<MailInbox.Mail> mails = inbox.messagesTo(marie);
            assertEquals(2, mails.size(), mails.toString());
            String all = mails.get(0).text() + mails.get(1).text();
            assertTrue(all.contains("400,00 $"), all);
            assertTrue(all.contains("300,00 $"), all);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(viewer).get(notifications() + "/notifications?accountId={id}", jeanAccount)
                        .then().statusCode(200)
                        .body("items.size()", equalTo(1))
                        .body("items[0].status", equalTo("SKIPPED"))
                        .body("items[0].reason", equalTo("NO_CONSENT")));
        assertEquals(List.of(), inbox.messagesTo(jean));
    }

    @Test
    void a_sale_from_a_register_over_kafka_a_captured_hold_and_a_payment_agree_everywhere_to_the_cent()
            throws Exception {
        String luc = "luc." + UUID.randomUUID() + "@example.com";
        String account = openAccount("Luc Gagnon", luc, true, "en");
        String register = Ardoise.tokens().of("CASHIER").user("marc").register("R7").sign();

        String saleId = "POS-" + UUID.randomUUID();
        Map<String, Object> answer = PosRegister.sell(account, saleId, """
                {"saleId":"%s","accountId":"%s","amount":"459.90",
                 "lines":[{"description":"Deck screws, 5 kg","quantity":"2","unitPrice":"200.00","tax":"59.90"}]}
                """.formatted(saleId, account), register);
        assertEquals("CHARGED", answer.get("outcome"), answer.toString());
        assertEquals("459.90", answer.get("amount"));

        given().auth().oauth2(register).contentType(ContentType.JSON).body(Map.of("holdId", "H-1", "amount", "300.00"))
                .post(accounts() + "/accounts/{id}/holds", account).then().statusCode(201)
                .body("available", equalTo("240.10"));
        given().auth().oauth2(register).contentType(ContentType.JSON)
                .body(Map.of("saleId", "R7-0002", "amount", "280.00", "holdId", "H-1"))
                .post(accounts() + "/accounts/{id}/charges", account).then().statusCode(201)
                .body("available", equalTo("260.10"));
        int version = given().auth().oauth2(register).contentType(ContentType.JSON)
                .body(Map.of("paymentId", "P-1", "amount", "500.00", "method", "CHEQUE", "reference", "cheque 42"))
                .post(accounts() + "/accounts/{id}/payments", account).then().statusCode(201)
                .body("balance", equalTo("-239.90"))
                .extract().path("version");

        Map<String, Object> truth = given().auth().oauth2(register).get(accounts() + "/accounts/{id}", account).then()
                .statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(viewer).get(invoices() + "/accounts/{id}/balance?minVersion={v}", account, version)
                .then().statusCode(200)
                .body("version", equalTo(version))
                .body("balance", equalTo(truth.get("balance")))
                .body("depositBalance", equalTo(truth.get("depositBalance")))
                .body("available", equalTo(truth.get("available")))
                .body("balance", equalTo("-239.90"))
                .body("available", equalTo("760.10"));
        given().auth().oauth2(operator).post(invoices() + "/admin/reconciliation").then().statusCode(200)
                .body("differences.size()", equalTo(0));

        JsonPath events = given().auth().oauth2(viewer).get(accounts() + "/accounts/{id}/events", account).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("AccountOpened", "CreditLimitSet", "SaleCharged"), events.getList("type").subList(0, 3));
        assertEquals(Map.of("role", "MANAGER", "userId", "anne", "storeId", "MAIN"),
                withoutNulls(events.getMap("metadata.actor[1]")), "the limit was set by the token's manager");
        assertEquals(Map.of("role", "CASHIER", "userId", "marc", "registerId", "R7", "storeId", "MAIN"),
                withoutNulls(events.getMap("metadata.actor[2]")), "the POS sale is the register token's");

        // The month so far is not over: it is not emailed, but it reads on screen, marked interim.
        String monthStart = LocalDate.now(STORE_ZONE).withDayOfMonth(1).toString();
        String today = LocalDate.now(STORE_ZONE).toString();
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("from", monthStart, "to", today))
                .post(notifications() + "/accounts/{id}/statements", account).then().statusCode(422)
                .body("field", equalTo("to"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String statement = given().auth().oauth2(manager).queryParam("from", monthStart).queryParam("to", today)
                    .queryParam("format", "text").get(notifications() + "/accounts/{id}/statement-preview", account)
                    .then().statusCode(200).header("X-Statement-Interim", equalTo("true")).extract().asString();
            assertTrue(statement.contains("500.00") && statement.contains("$459.90")
                    && statement.contains("$239.90"), statement);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(2, inbox.messagesTo(luc).size(), inbox.messagesTo(luc).toString()));
    }

    /** A cashier opens the account (no limit: that is a manager's), then the manager sets 1,000.00. */
    private String openAccount(String name, String email, boolean consent, String language) {
        String accountId = given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", name, "email", email,
                        "emailConsent", consent, "language", language, "currency", "CAD"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("creditLimit", "1000.00"))
                .put(accounts() + "/accounts/{id}/credit-limit", accountId).then().statusCode(200);
        return accountId;
    }

    private ValidatableResponse charge(String accountId, String saleId, String amount, int expectedStatus) {
        return given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("saleId", saleId, "amount", amount))
                .post(accounts() + "/accounts/{id}/charges", accountId).then().statusCode(expectedStatus);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> present = new java.util.HashMap<>(map);
        present.values().removeIf(java.util.Objects::isNull);
        return present;
    }
}
