package dev.ardoise.console.web;

import dev.ardoise.console.ConsoleTestUsers;
import dev.ardoise.console.backoffice.BackOfficeServices;
import dev.ardoise.console.signin.SignInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every answer carries the browser's protections; a page behind a session is never stored by the browser. */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
@WithTestResource(value = BackOfficeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecurityHeadersTest {

    @Test
    void the_accounts_list_of_a_signed_in_manager_is_protected_and_never_stored() {
        String anne = given().redirects().follow(false).formParam("user", "anne")
                .formParam("password", ConsoleTestUsers.PASSWORD).post("/sign-in").then().statusCode(303)
                .extract().cookie(SignInResource.SESSION_COOKIE);
        ValidatableResponse page = given().cookie(SignInResource.SESSION_COOKIE, anne).get("/accounts").then()
                .statusCode(200);
        protectedPage(page);
        page.header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void the_sign_in_page_and_the_forbidden_page_are_protected_too() {
        protectedPage(given().get("/sign-in").then().statusCode(200)).header("Cache-Control", equalTo("no-store"));
        String bob = given().redirects().follow(false).formParam("user", "bob")
                .formParam("password", ConsoleTestUsers.PASSWORD).post("/sign-in").then().statusCode(303)
                .extract().cookie(SignInResource.SESSION_COOKIE);
        protectedPage(given().cookie(SignInResource.SESSION_COOKIE, bob).get("/operations").then().statusCode(403));
    }

    @Test
    void the_style_sheet_is_protected_and_may_be_kept() {
        protectedPage(given().get("/console.css").then().statusCode(200))
                .header("Cache-Control", not(containsString("no-store")));
    }

    private static ValidatableResponse protectedPage(ValidatableResponse answer) {
        return answer.header("Content-Security-Policy", equalTo("default-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; "
                        + "form-action 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("X-Frame-Options", equalTo("DENY"));
    }
}
