package dev.ardoise.console.signin;

import dev.ardoise.console.ConsoleTestUsers;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
class SignInTest {

    @Test
    void a_page_without_a_session_leads_to_the_sign_in_page_and_back() {
        given().redirects().follow(false).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/sign-in?then=%2F"));
    }

    @Test
    void a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
        given().redirects().follow(false).formParam("user", "anne").formParam("password", "guess")
                .when().post("/sign-in").then().statusCode(401)
                .body(containsString("That user and password do not match."))
                .header("Set-Cookie", equalTo(null));
        given().redirects().follow(false).formParam("user", "nobody").formParam("password", "guess")
                .when().post("/sign-in").then().statusCode(401)
                .body(containsString("That user and password do not match."));
    }

    @Test
    void a_manager_signs_in_with_an_http_only_strict_cookie_and_lands_in_the_back_office() {
        Response signedIn = signIn("anne", "/");
        signedIn.then().statusCode(303).header("Location", endsWith("/"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, signedIn.cookie(
                SignInResource.SESSION_COOKIE)).when().get("/").then().statusCode(303)
                .header("Location", endsWith("/accounts"));
    }

    @Test
    void an_operator_lands_in_the_operations_dashboard() {
        String session = signIn("ops", "/").cookie(SignInResource.SESSION_COOKIE);
        given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, session).when().get("/")
                .then().statusCode(303).header("Location", endsWith("/operations"));
    }

    @Test
    void the_sign_in_link_never_sends_the_user_to_another_site() {
        signIn("anne", "//evil.example/phish").then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void a_path_a_redirect_cannot_carry_leads_home_rather_than_to_an_error() {
        signIn("anne", "/ a").then().statusCode(303).header("Location", endsWith("/"));
        given().redirects().follow(false).formParam("code", "en").formParam("then", "/\t/evil")
                .when().post("/language").then().statusCode(303).header("Location", endsWith("/"));
        given().redirects().follow(false).formParam("code", "en").formParam("then", "/a\"b<")
                .when().post("/language").then().statusCode(303).header("Location", endsWith("/"));
    }

    @Test
    void a_form_posted_from_another_site_is_refused() {
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("user", "anne").formParam("password", ConsoleTestUsers.PASSWORD)
                .when().post("/sign-in").then().statusCode(403);
    }

    @Test
    void a_forged_session_cookie_is_no_session() {
        given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, "eyJhbGciOiJub25lIn0.e30.")
                .when().get("/").then().statusCode(303).header("Location", containsString("/sign-in"));
    }

    @Test
    void an_expired_session_leads_to_the_sign_in_page_and_clears_the_cookie_as_it_was_set() {
        String expired = Tokens.of("MANAGER").user("anne").stores("MAIN").expired().sign();
        given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, expired)
                .when().get("/accounts").then().statusCode(303)
                .header("Location", endsWith("/sign-in?then=%2Faccounts"))
                .header("Set-Cookie", allOf(startsWith(SignInResource.SESSION_COOKIE + "=;"),
                        containsString("Max-Age=0"), containsString("HttpOnly"), containsString("SameSite=Strict")));
    }

    @Test
    void sign_out_clears_the_cookie_and_leads_to_the_sign_in_page() {
        String session = signIn("anne", "/").cookie(SignInResource.SESSION_COOKIE);
        given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, session)
                .when().post("/sign-out").then().statusCode(303).header("Location", endsWith("/sign-in"))
                .header("Set-Cookie", allOf(startsWith(SignInResource.SESSION_COOKIE + "=;"),
                        containsString("Max-Age=0"), containsString("HttpOnly"), containsString("SameSite=Strict")));
    }

    @Test
    void a_name_that_failed_five_times_waits_before_any_password_is_checked_again() {
        for (int i = 0; i < 5; i++) {
            given().redirects().follow(false).formParam("user", "mallory").formParam("password", "guess" + i)
                    .when().post("/sign-in").then().statusCode(401);
        }
        given().redirects().follow(false).formParam("user", "mallory").formParam("password", "guess")
                .when().post("/sign-in").then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-3][0-9]"))
                .body(containsString("Too many wrong passwords for this user: try again in"));
        given().redirects().follow(false).formParam("user", "anne").formParam("password", ConsoleTestUsers.PASSWORD)
                .when().post("/sign-in").then().statusCode(303);
    }

    @Test
    void the_pages_speak_french_when_the_user_chooses_it() {
        String language = given().redirects().follow(false).formParam("code", "fr").formParam("then", "/sign-in")
                .when().post("/language").then().statusCode(303).extract().cookie("ardoise-language");
        given().cookie("ardoise-language", language).when().get("/sign-in").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">")).body(containsString("Mot de passe"));
    }

    private static Response signIn(String user, String then) {
        return given().redirects().follow(false).formParam("user", user)
                .formParam("password", ConsoleTestUsers.PASSWORD).formParam("then", then)
                .when().post("/sign-in");
    }
}
