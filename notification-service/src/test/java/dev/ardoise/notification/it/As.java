package dev.ardoise.notification.it;

import dev.ardoise.testing.Tokens;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** A request from a caller of a role, with a token of the store MAIN: {@code As.manager().get(...)}. */
final class As {
    private As() {
    }

    static RequestSpecification cashier() {
        return given().auth().oauth2(Tokens.cashier());
    }

    static RequestSpecification manager() {
        return given().auth().oauth2(Tokens.manager());
    }

    static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    static RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator());
    }

    static RequestSpecification token(String token) {
        return given().auth().oauth2(token);
    }
}
