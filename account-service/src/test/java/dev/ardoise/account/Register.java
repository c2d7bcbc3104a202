package dev.ardoise.account;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What a register (or a manager at the back office) sends to account-service, for the tests. */
public final class Register {
    private Register() {
    }

    /** Opens an account for a new customer with this limit; answers its id. */
    public static String openAccount(String creditLimit) {
        return given().contentType(ContentType.JSON).header("X-Actor-Role", "MANAGER")
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Marie Tremblay",
                        "email", "marie@example.com", "emailConsent", true, "language", "fr-CA", "currency", "CAD",
                        "creditLimit", creditLimit))
                .post("/accounts")
                .then().statusCode(201).extract().path("accountId");
    }

    public static ValidatableResponse charge(String accountId, String saleId, String amount) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("saleId", saleId, "amount", amount))
                .post("/accounts/{id}/charges", accountId)
                .then();
    }

    /** A cashier's JSON request. */
    public static RequestSpecification cashier() {
        return given().contentType(ContentType.JSON).header("X-Actor-Role", "CASHIER");
    }

    /** A manager's JSON request. */
    public static RequestSpecification manager() {
        return given().contentType(ContentType.JSON).header("X-Actor-Role", "MANAGER").header("X-User-Id", "boss");
    }

    public static ValidatableResponse post(RequestSpecification who, String accountId, String path,
                                           Map<String, ?> body) {
        return who.body(body).post("/accounts/{id}/" + path, accountId).then();
    }
}
