package dev.ardoise.account.api;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi documents every endpoint, with its problem+json answers. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {
    private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("/accounts", List.of("get", "post")),
            Map.entry("/accounts/{accountId}", List.of("get")),
            Map.entry("/accounts/{accountId}/events", List.of("get")),
            Map.entry("/accounts/{accountId}/customer", List.of("put")),
            Map.entry("/accounts/{accountId}/email-consent", List.of("put")),
            Map.entry("/accounts/{accountId}/credit-limit", List.of("put")),
            Map.entry("/accounts/{accountId}/charges", List.of("post")),
            Map.entry("/accounts/{accountId}/holds", List.of("post")),
            Map.entry("/accounts/{accountId}/holds/{holdId}/void", List.of("post")),
            Map.entry("/accounts/{accountId}/overrides", List.of("post")),
            Map.entry("/accounts/{accountId}/deposits", List.of("post")),
            Map.entry("/accounts/{accountId}/deposit-applications", List.of("post")),
            Map.entry("/accounts/{accountId}/deposit-returns", List.of("post")),
            Map.entry("/accounts/{accountId}/payments", List.of("post")),
            Map.entry("/accounts/{accountId}/refunds", List.of("post")),
            Map.entry("/accounts/{accountId}/adjustments", List.of("post")),
            Map.entry("/accounts/{accountId}/write-offs", List.of("post")),
            Map.entry("/accounts/{accountId}/suspension", List.of("post", "delete")),
            Map.entry("/accounts/{accountId}/closure", List.of("post")));

    @Test
    void every_endpoint_is_documented_with_its_summary_and_problem_answers() {
        JsonPath openApi = JsonPath.from(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");

        assertEquals(ENDPOINTS.keySet(), paths.keySet());
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> {
            String operation = "paths.'" + path + "'." + method;
            assertNotNull(openApi.get(operation + ".summary"), operation);
            assertNotNull(openApi.get(operation + ".description"), operation);
            String operationId = openApi.getString(operation + ".operationId");
            assertTrue(operationId != null && operationId.matches("[a-z][A-Za-z]+") && operationIds.add(operationId),
                    operation + " has a camelCase operationId of its own: " + operationId);
            assertNotNull(openApi.get(operation + ".security"), operation);
            assertNotNull(openApi.get(operation + ".responses.'401'.content.'application/problem+json'"), operation);
            assertNotNull(openApi.get(operation + ".responses.'403'.content.'application/problem+json'"), operation);
            assertNotNull(openApi.get(operation + ".responses.'400'.content.'application/problem+json'"), operation);
            if (path.contains("{accountId}") && !method.equals("get")) {
                assertNotNull(openApi.get(operation + ".responses.'422'"), operation);
                assertNotNull(openApi.get(operation + ".responses.'409'"), operation);
            }
        }));
        for (String manager : List.of("/accounts/{accountId}/credit-limit", "/accounts/{accountId}/refunds",
                "/accounts/{accountId}/write-offs", "/accounts/{accountId}/closure")) {
            assertTrue(openApi.getMap("paths.'" + manager + "'").values().stream()
                    .anyMatch(op -> ((Map<?, ?>) ((Map<?, ?>) op).get("responses")).containsKey("403")), manager);
        }
        assertNotNull(openApi.get("components.schemas.ProblemDocument"));
        assertNotNull(openApi.get("components.schemas.ChargeView"));
        assertEquals("bearer", openApi.getString("components.securitySchemes.SecurityScheme.scheme"));
    }

    @Test
    void amounts_are_documented_as_the_strings_the_wire_carries() {
        JsonPath openApi = JsonPath.from(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());

        for (String property : List.of("components.schemas.ChargeView.properties.amount",
                "components.schemas.AccountView.properties.available",
                "components.schemas.ChargeRequest.properties.amount")) {
            assertEquals("#/components/schemas/Amount", openApi.getString(property + ".$ref"), property);
        }
        String amount = "components.schemas.Amount";
        assertEquals("string", openApi.getString(amount + ".type"));
        assertTrue("400.00".matches(openApi.getString(amount + ".pattern")));
        assertTrue(!"4e2".matches(openApi.getString(amount + ".pattern")));
    }
}
