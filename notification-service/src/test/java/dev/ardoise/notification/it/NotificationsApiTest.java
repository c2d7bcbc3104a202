package dev.ardoise.notification.it;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationsApiTest {

    @Test
    void an_account_id_that_is_not_a_uuid_is_a_400_naming_the_field() {
        given().queryParam("accountId", "not-a-uuid")
                .when().get("/notifications")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", is("accountId"))
                .body("type", containsString("invalid-request"));
    }

    @Test
    void an_unknown_status_is_a_400_naming_the_field() {
        given().queryParam("status", "DELIVERED")
                .when().get("/notifications")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", is("status"))
                .body("detail", containsString("DELIVERED"));
    }

    @Test
    void an_unknown_kind_or_a_bad_page_size_is_a_400_naming_the_field() {
        given().queryParam("kind", "POSTCARD").when().get("/notifications")
                .then().statusCode(400).body("field", is("kind"));
        given().queryParam("size", "501").when().get("/notifications")
                .then().statusCode(400).body("field", is("size"));
        given().queryParam("page", "-1").when().get("/notifications")
                .then().statusCode(400).body("field", is("page"));
    }

    @Test
    void retrying_needs_a_manager_and_an_existing_notification() {
        given().when().post("/notifications/retry-failed").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("X-Actor-Role", "MANAGER").when().post("/notifications/{id}/retry", UUID.randomUUID())
                .then().statusCode(404);
        given().header("X-Actor-Role", "MANAGER").when().post("/notifications/{id}/retry", "nope")
                .then().statusCode(400).body("field", is("notificationId"));
    }

    @Test
    void an_account_without_notifications_has_an_empty_list() {
        given().queryParam("accountId", UUID.randomUUID().toString())
                .when().get("/notifications")
                .then().statusCode(200)
                .body("items.size()", is(0))
                .body("page", is(0))
                .body("size", is(50))
                .body("total", is(0));
    }

    @Test
    void health_metrics_and_openapi_are_served() {
        given().when().get("/q/health").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/notifications"));
    }
}
