package dev.ardoise.console.web;

import dev.ardoise.console.ConsoleTestUsers;
import dev.ardoise.console.backoffice.BackOfficeServices;
import dev.ardoise.console.signin.SignInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The cross-site rule of {@link SameOriginForms}, on the sign-in form and on a manager's action: a foreign or
 * {@code null} Origin, or a foreign Referer without Origin, is refused before anything is done; the console's own
 * origin, or neither header (a program, not a browser), goes through.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTestUsers.class, restrictToAnnotatedClass = false)
@WithTestResource(value = BackOfficeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SameOriginFormsTest {
    private static final String ACTION = "/accounts/6f1c2a9e-6b0e-4f7c-9d55-2f0b8a1e7c01/credit-limit";
    private static final String REFUSED = "This form was not sent from the console's own pages.";

    @BeforeEach
    void nothing_asked_yet() {
        given().baseUri(accountService()).post("/test/reset").then().statusCode(200);
    }

    @Test
    void sign_in_with_origin_null_is_refused() {
        signIn().header("Origin", "null").post("/sign-in").then().statusCode(403).body(equalTo(REFUSED));
    }

    @Test
    void sign_in_from_another_origin_is_refused() {
        signIn().header("Origin", "https://evil.example").post("/sign-in").then().statusCode(403);
        signIn().header("Origin", "http://localhost:" + (RestAssured.port + 1)).post("/sign-in").then()
                .statusCode(403);
        signIn().header("Origin", "https://localhost:" + RestAssured.port).post("/sign-in").then().statusCode(403);
    }

    @Test
    void sign_in_with_a_foreign_referer_and_no_origin_is_refused() {
        signIn().header("Referer", "https://evil.example/console/sign-in").post("/sign-in").then().statusCode(403);
        signIn().header("Referer", "not a url").post("/sign-in").then().statusCode(403);
    }

    @Test
    void sign_in_from_the_consoles_own_page_goes_through() {
        signIn().header("Origin", own()).post("/sign-in").then().statusCode(303)
                .header("Set-Cookie", containsString(SignInResource.SESSION_COOKIE));
        signIn().header("Referer", own() + "/sign-in?then=%2F").post("/sign-in").then().statusCode(303);
    }

    @Test
    void sign_in_without_origin_nor_referer_goes_through() {
        signIn().post("/sign-in").then().statusCode(303);
    }

    @Test
    void a_managers_action_from_another_site_is_refused_before_any_service_is_called() {
        String anne = signIn().post("/sign-in").then().statusCode(303).extract()
                .cookie(SignInResource.SESSION_COOKIE);
        for (String[] header : new String[][] {{"Origin", "null"}, {"Origin", "https://evil.example"},
                {"Referer", "https://evil.example/"}}) {
            action(anne).header(header[0], header[1]).post(ACTION).then().statusCode(403).body(equalTo(REFUSED));
        }
        given().baseUri(accountService()).get("/test/requests").then().body(equalTo("[]"));
        action(anne).header("Origin", own()).post(ACTION).then().statusCode(not(403));
        action(anne).post(ACTION).then().statusCode(not(403));
    }

    private static RequestSpecification signIn() {
        return given().redirects().follow(false).formParam("user", "anne")
                .formParam("password", ConsoleTestUsers.PASSWORD).formParam("then", "/");
    }

    private static RequestSpecification action(String session) {
        return given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, session)
                .formParam("key", "k-1").formParam("creditLimit", "1500.00");
    }

    private static String own() {
        return "http://localhost:" + RestAssured.port;
    }

    private static String accountService() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.account-service.url", String.class);
    }
}
