package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static dev.ardoise.systemtests.Ardoise.settings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The built jars, as the local stack runs them (production profile, the stack's issuer and key), refuse whoever
 * has no valid token, refuse a role its operation, hide another store's account, and leave health, metrics and
 * the OpenAPI document open.
 */
@ExtendWith(Ardoise.class)
class HttpLocksIT {

    @Test
    void without_a_token_or_with_an_expired_or_forged_one_every_service_answers_401_bearer() {
        for (String url : new String[] {accounts() + "/accounts", invoices() + "/aging", notifications() + "/notifications"}) {
            given().get(url).then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType("application/problem+json")
                    .body("type", endsWith("unauthenticated"));
        }
        given().auth().oauth2(Ardoise.tokens().of("MANAGER").expired().sign()).get(accounts() + "/accounts")
                .then().statusCode(401).body("type", endsWith("unauthenticated"));
        given().auth().oauth2(Ardoise.tokens().of("MANAGER").signedByStranger().sign()).get(accounts() + "/accounts")
                .then().statusCode(401).body("type", endsWith("unauthenticated"));
        given().auth().oauth2(Ardoise.tokens().of("MANAGER").audience("someone-else").sign())
                .get(accounts() + "/accounts").then().statusCode(401);
    }

    @Test
    void a_viewer_cannot_charge_and_the_old_role_header_gains_nothing() {
        String account = openAccount(Ardoise.tokens().of("CASHIER").sign());

        given().auth().oauth2(Ardoise.tokens().viewer()).contentType(ContentType.JSON)
                .body(Map.of("saleId", "S-" + UUID.randomUUID(), "amount", "1.00"))
                .post(accounts() + "/accounts/{id}/charges", account).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("forbidden"));
        given().auth().oauth2(Ardoise.tokens().of("CASHIER").sign()).header("X-Actor-Role", "MANAGER")
                .contentType(ContentType.JSON).body(Map.of("creditLimit", "5000.00"))
                .put(accounts() + "/accounts/{id}/credit-limit", account).then().statusCode(403);
    }

    @Test
    void another_stores_account_answers_404_as_if_it_did_not_exist() {
        String otherStores = openAccount(Ardoise.tokens().of("CASHIER").stores("OTHER").sign());
        String mainCashier = Ardoise.tokens().of("CASHIER").register("R1").sign();

        given().auth().oauth2(mainCashier).get(accounts() + "/accounts/{id}", otherStores).then().statusCode(404);
        given().auth().oauth2(mainCashier).contentType(ContentType.JSON)
                .body(Map.of("saleId", "S-" + UUID.randomUUID(), "amount", "1.00"))
                .post(accounts() + "/accounts/{id}/charges", otherStores).then().statusCode(404);
        given().auth().oauth2(Ardoise.tokens().of("CASHIER").stores("OTHER").sign())
                .get(accounts() + "/accounts/{id}", otherStores).then().statusCode(200)
                .body("balance", equalTo("0.00"));
    }

    @Test
    void health_and_metrics_on_the_management_ports_and_the_openapi_document_need_no_token() {
        for (int port : new int[] {settings().accountManagementPort(), settings().invoiceManagementPort(),
                settings().notificationManagementPort()}) {
            given().get(settings().serviceUrl(port) + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().get(settings().serviceUrl(port) + "/q/metrics").then().statusCode(200);
        }
        for (String url : new String[] {accounts(), invoices(), notifications()}) {
            given().accept("application/json").get(url + "/q/openapi").then().statusCode(200)
                    .body(containsString("bearer"));
        }
    }

    private static String openAccount(String cashier) {
        return given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Customer", "emailConsent", false,
                        "language", "en", "currency", "CAD"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
    }
}
