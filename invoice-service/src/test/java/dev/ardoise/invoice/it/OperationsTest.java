package dev.ardoise.invoice.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health and metrics answer on the management port with no token; the OpenAPI document on the main one. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    // relative to the management root path, /q
    @TestHTTPResource(value = "/health/ready", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void health_reports_up_on_the_management_port_once_the_reader_has_caught_up() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(health).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'account-events reader caught up' }.status", equalTo("UP")));
    }

    @Test
    void health_and_metrics_are_not_on_the_main_port() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void the_openapi_document_lists_the_queries() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/accounts/{accountId}/balance"))
                .body(containsString("/accounts/{accountId}/invoices"))
                .body(containsString("/invoices/{invoiceId}"))
                .body(containsString("/accounts/{accountId}/statement"))
                .body(containsString("/accounts/{accountId}/aging"))
                .body(containsString("/admin/rebuild"))
                .body(containsString("/admin/reconciliation"));
    }

    @Test
    void every_operation_has_an_id_a_description_its_roles_and_its_refusals() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        Set<String> ids = new HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method + " " + path;
            assertTrue(operation.get("operationId") instanceof String id && ids.add(id), name + ": a unique operationId");
            assertTrue(operation.get("summary") instanceof String, name + ": a summary");
            assertTrue(operation.get("description") instanceof String, name + ": a description");
            assertTrue(operation.get("security") instanceof List<?> security && !security.isEmpty(),
                    name + ": its security requirement");
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            assertTrue(responses.containsKey("401") && responses.containsKey("403"), name + ": 401 and 403");
        }));
        assertEquals(15, ids.size(), ids::toString);
    }

    @Test
    void amounts_are_documented_as_the_strings_the_wire_carries() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("components.schemas.Decimal.type", equalTo("string"))
                .body("components.schemas.Decimal.pattern", equalTo("^-?\\d+(\\.\\d+)?$"))
                .body("components.schemas.BalanceResponse.properties.balance.$ref",
                        equalTo("#/components/schemas/Decimal"));
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
