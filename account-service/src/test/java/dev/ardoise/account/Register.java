package dev.ardoise.account;

import dev.ardoise.testing.Tokens;
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

    /** Opens an account of the store MAIN for a new customer with this limit; answers its id. */
    public static String openAccount(String creditLimit) {
        return openAccount(Tokens.of("MANAGER").user("boss").sign(), creditLimit);
    }

    /** Opens an account for a new customer with this limit, in the store of the token; answers its id. */
    public static String openAccount(String managerToken, String creditLimit) {
        return as(managerToken)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Marie Tremblay",
                        "email", "marie@example.com", "emailConsent", true, "language", "fr-CA", "currency", "CAD",
                        "creditLimit", creditLimit))
                .post("/accounts")
                .then().statusCode(201).extract().path("accountId");
    }

    /** A cashier of MAIN charges the sale. */
    public static ValidatableResponse charge(String accountId, String saleId, String amount) {
        return cashier()
                .body(Map.of("saleId", saleId, "amount", amount))
                .post("/accounts/{id}/charges", accountId)
                .then();
    }

    /** A cashier's JSON request, at the store MAIN. */
    public static RequestSpecification cashier() {
        return as(Tokens.cashier());
    }

    /** A manager's JSON request, at the store MAIN. */
    public static RequestSpecification manager() {
        return as(Tokens.of("MANAGER").user("boss").sign());
    }

    /** A JSON request with this bearer token. */
    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    public static ValidatableResponse post(RequestSpecification who, String accountId, String path,
                                           Map<String, ?> body) {
        return who.body(body).post("/accounts/{id}/" + path, accountId).then();
    }
}
