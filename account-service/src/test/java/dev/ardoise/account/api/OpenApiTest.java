package dev.ardoise.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi documents every endpoint, with its problem+json answers. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {
    private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("/accounts", List.of("get", "post")),
            Map.entry("/accounts/by-email", List.of("get")),
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
            Map.entry("/accounts/{accountId}/closure", List.of("post")),
            Map.entry("/admin/parked-accounts", List.of("get")),
            Map.entry("/admin/parked-accounts/{accountId}/retry", List.of("post")),
            Map.entry("/admin/parked-accounts/{accountId}/skip", List.of("post")),
            Map.entry("/admin/skipped-events", List.of("get")),
            Map.entry("/admin/accounts/{accountId}/republish", List.of("post")));

    @Test
    void every_endpoint_is_documented_with_its_summary_and_problem_answers() throws JsonProcessingException {
        JsonNode openApi = openApi();
        JsonNode paths = openApi.path("paths");

        Set<String> documented = new HashSet<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertEquals(ENDPOINTS.keySet(), documented);
        Set<String> operationIds = new HashSet<>();
        ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> {
            String operation = path + " " + method;
            JsonNode documentedOperation = paths.path(path).path(method);
            assertPresent(documentedOperation.path("summary"), operation);
            assertPresent(documentedOperation.path("description"), operation);
            String operationId = documentedOperation.path("operationId").textValue();
            assertTrue(operationId != null && operationId.matches("[a-z][A-Za-z]+") && operationIds.add(operationId),
                    operation + " has a camelCase operationId of its own: " + operationId);
            assertPresent(documentedOperation.path("security"), operation);
            JsonNode responses = documentedOperation.path("responses");
            for (String status : List.of("401", "403", "400")) {
                assertPresent(responses.path(status).path("content").path("application/problem+json"),
                        operation + " " + status);
            }
            if (!method.equals("get")) {
                assertPresent(responses.path("413").path("content").path("application/problem+json"), operation);
            }
            if (path.startsWith("/accounts/{accountId}") && !method.equals("get")) {
                assertPresent(responses.path("422"), operation);
                assertPresent(responses.path("409"), operation);
            }
        }));
        for (String manager : List.of("/accounts/{accountId}/credit-limit", "/accounts/{accountId}/refunds",
                "/accounts/{accountId}/write-offs", "/accounts/{accountId}/closure")) {
            List<JsonNode> operations = new ArrayList<>();
            paths.path(manager).elements().forEachRemaining(operations::add);
            assertTrue(operations.stream().anyMatch(op -> op.path("responses").has("403")), manager);
        }
        assertPresent(openApi.path("components").path("schemas").path("ProblemDocument"), "ProblemDocument");
        assertPresent(openApi.path("components").path("schemas").path("ChargeView"), "ChargeView");
        assertEquals("bearer", openApi.path("components").path("securitySchemes").path("SecurityScheme")
                .path("scheme").textValue());
    }

    @Test
    void amounts_are_documented_as_the_strings_the_wire_carries() throws JsonProcessingException {
        JsonNode schemas = openApi().path("components").path("schemas");

        for (String[] property : List.of(new String[] {"ChargeView", "amount"},
                new String[] {"AccountView", "available"}, new String[] {"ChargeRequest", "amount"})) {
            assertEquals("#/components/schemas/Amount", schemas.path(property[0]).path("properties")
                    .path(property[1]).path("$ref").textValue(), String.join(".", property));
        }
        JsonNode amount = schemas.path("Amount");
        assertEquals("string", amount.path("type").textValue());
        assertTrue("400.00".matches(amount.path("pattern").textValue()));
        assertTrue(!"4e2".matches(amount.path("pattern").textValue()));
    }

    @Test
    void the_look_up_by_email_is_documented_as_a_bounded_list_of_accounts() throws JsonProcessingException {
        JsonNode byEmail = openApi().path("paths").path("/accounts/by-email").path("get");

        assertEquals("findAccountsByEmail", byEmail.path("operationId").textValue());
        JsonNode schema = byEmail.path("responses").path("200").path("content").path("application/json")
                .path("schema");
        assertEquals("array", schema.path("type").textValue());
        assertEquals("#/components/schemas/AccountView", schema.path("items").path("$ref").textValue());
        assertTrue(byEmail.path("description").textValue().contains("at most 100"), byEmail.toString());
    }

    /** The document as a tree: RestAssured's JsonPath evaluates each path as a Groovy expression, slowly. */
    private static JsonNode openApi() throws JsonProcessingException {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    private static void assertPresent(JsonNode node, String what) {
        assertTrue(!node.isMissingNode() && !node.isNull(), what);
    }
}
