package dev.ardoise.notification.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationsApiTest {
    @TestHTTPResource(value = "health", management = true) // under the management root, /q
    URL health;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void an_account_id_that_is_not_a_uuid_is_a_400_naming_the_field() {
        As.viewer().queryParam("accountId", "not-a-uuid")
                .when().get("/notifications")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", is("accountId"))
                .body("type", containsString("invalid-request"));
    }

    @Test
    void an_unknown_status_is_a_400_naming_the_field() {
        As.viewer().queryParam("status", "DELIVERED")
                .when().get("/notifications")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", is("status"))
                .body("detail", containsString("DELIVERED"));
    }

    @Test
    void an_unknown_kind_or_a_bad_page_size_is_a_400_naming_the_field() {
        As.viewer().queryParam("kind", "POSTCARD").when().get("/notifications")
                .then().statusCode(400).body("field", is("kind"));
        As.viewer().queryParam("size", "501").when().get("/notifications")
                .then().statusCode(400).body("field", is("size"));
        As.viewer().queryParam("page", "-1").when().get("/notifications")
                .then().statusCode(400).body("field", is("page"));
    }

    @Test
    void retrying_needs_a_manager_and_an_existing_notification() {
        As.manager().when().post("/notifications/retry-failed").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        As.operator().when().post("/notifications/{id}/retry", UUID.randomUUID())
                .then().statusCode(404);
        As.operator().when().post("/notifications/{id}/retry", "nope")
                .then().statusCode(400).body("field", is("notificationId"));
    }

    @Test
    void an_account_without_notifications_has_an_empty_list() {
        As.viewer().queryParam("accountId", UUID.randomUUID().toString())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("items.size()", is(0))
                .body("page", is(0))
                .body("size", is(50))
                .body("total", is(0));
    }

    @Test
    void health_and_metrics_are_served_on_the_management_port_and_openapi_on_the_main_one_without_a_token() {
        given().when().get(health).then().statusCode(200).body("status", is("UP"));
        given().when().get(metrics).then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/notifications"));
        given().when().get("/q/health").then().statusCode(404);
    }

    @Test
    void every_operation_of_the_openapi_document_has_an_id_a_description_and_its_401_and_403() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> ids = new HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method + " " + path;
            assertTrue(operation.get("operationId") instanceof String id && ids.add(id), name + ": " + operation);
            assertTrue(operation.get("summary") != null && operation.get("description") != null, name);
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            assertTrue(responses.containsKey("401") && responses.containsKey("403"), name + ": " + responses);
        }));
        assertEquals(13, ids.size(), ids::toString);
    }
}
