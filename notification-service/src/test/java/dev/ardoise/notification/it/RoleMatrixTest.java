package dev.ardoise.notification.it;

import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.RoleMatrix;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.openedIn;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/** notification-service's OpenAPI document and answers, held to its rows of the role matrix in docs/security.md. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleMatrixTest extends FreshAccountTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final RoleMatrix MATRIX = RoleMatrix.of("notification-service");

    @Test
    void the_openapi_document_lists_the_operations_and_roles_of_the_matrix() {
        MATRIX.assertOpenApiAgrees();
    }

    @Test
    void each_operation_answers_each_role_as_the_matrix_says_and_walls_off_other_stores() {
        SaleCharged sale = charged("50.00");
        events.publish(accountId, 1, openedIn("MAIN", "matrix@" + domain, true, "en"));
        events.publish(accountId, 2, sale);
        UUID elsewhere = UUID.randomUUID();
        events.publish(elsewhere, 1, openedIn(RoleMatrix.otherStore(), "matrix-other@" + domain, true, "en"));
        events.publish(elsewhere, 2, charged("60.00"));
        await().atMost(PATIENCE).untilAsserted(() -> As.operator().queryParam("accountId", elsewhere.toString())
                .when().get("/notifications").then().statusCode(200).body("total", is(1)));
        await().atMost(PATIENCE).untilAsserted(() -> As.operator().queryParam("accountId", accountId.toString())
                .when().get("/notifications").then().statusCode(200).body("total", is(1)));

        // Statement requests are called with an empty body (a 400), so that no statement is recorded and emailed
        // for each allowed role; the store wall is checked with a valid one.
        MATRIX.assertEnforced(Map.of("accountId", accountId.toString(), "invoiceId", sale.invoiceId(),
                "notificationId", UUID.randomUUID().toString()), Map.of(), Set.of());
        MATRIX.assertStoreWall(Map.of("accountId", elsewhere.toString()),
                Map.of("POST /accounts/{accountId}/statements", Map.of("from", "2026-10-01", "to", "2026-10-31")));
    }
}
