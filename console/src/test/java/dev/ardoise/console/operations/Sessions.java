package dev.ardoise.console.operations;

import dev.ardoise.console.ConsoleTestUsers;
import dev.ardoise.console.signin.SignInResource;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The console's test users signed in: {@code ops} the operator, {@code anne} a manager. */
final class Sessions {
    private Sessions() {
    }

    /** The session token (the cookie's value) of a user who signed in with the test password. */
    static String of(String user) {
        return given().redirects().follow(false).formParam("user", user)
                .formParam("password", ConsoleTestUsers.PASSWORD).formParam("then", "/")
                .when().post("/sign-in").then().statusCode(303).extract().cookie(SignInResource.SESSION_COOKIE);
    }

    static String operator() {
        return of("ops");
    }

    /** A request with this session, not following redirects (an action's 303 is checked). */
    static RequestSpecification as(String session) {
        return given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, session);
    }
}
