package dev.ardoise.invoice.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
    void health_reports_up_on_the_management_port() {
        given().get(health).then().statusCode(200).body("status", equalTo("UP"));
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
    void metrics_are_exposed_for_prometheus() {
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
