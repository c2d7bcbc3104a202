package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.console.ConsoleTestUsers;
import dev.ardoise.console.signin.SignInResource;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Signing in to the console under test, and what the stubbed services were asked. */
final class Console {
    static final String MARIE = "/accounts/" + Marie.ID;

    private Console() {
    }

    /** A user signed in (anne: manager of MAIN; bob: viewer of MAIN; ops: operator), in a language. */
    record Session(String cookie, String language) {
        /** A new request of this session (a request's parameters are its own), redirects not followed. */
        RequestSpecification request() {
            return given().redirects().follow(false).cookie(SignInResource.SESSION_COOKIE, cookie)
                    .cookie("ardoise-language", language);
        }

        Session inFrench() {
            return new Session(cookie, "fr");
        }
    }

    static Session signIn(String user) {
        String session = given().redirects().follow(false).formParam("user", user)
                .formParam("password", ConsoleTestUsers.PASSWORD).formParam("then", "/").when().post("/sign-in")
                .then().statusCode(303).extract().cookie(SignInResource.SESSION_COOKIE);
        return new Session(session, "en");
    }

    /** One request of a user just signed in. */
    static RequestSpecification as(String user) {
        return signIn(user).request();
    }

    /** Marie as the services first knew her, and nothing asked yet. */
    static void resetServices() {
        for (String service : List.of("account-service", "invoice-service", "notification-service")) {
            given().baseUri(url(service)).post("/test/reset").then().statusCode(200);
        }
    }

    /** What a service was asked, oldest first: method, path, query, body, user, groups, Idempotency-Key. */
    static List<JsonNode> asked(String service) {
        try {
            JsonNode all = new ObjectMapper().readTree(given().baseUri(url(service)).get("/test/requests").asString());
            List<JsonNode> requests = new ArrayList<>();
            all.forEach(requests::add);
            return requests;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<JsonNode> asked(String service, String method, String pathEnd) {
        return asked(service).stream().filter(request -> request.path("method").asText().equals(method)
                && request.path("path").asText().endsWith(pathEnd)).toList();
    }

    private static String url(String service) {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client." + service + ".url", String.class);
    }
}
