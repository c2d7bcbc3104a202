package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.RoleMatrix;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * invoice-service as the role matrix of docs/security.md says: the OpenAPI document lists exactly its rows with
 * their roles, every operation refuses a missing, expired or forged token and every role the row does not name,
 * and every account read walls another store's account off. A rebuild is not started (it replaces every table).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleMatrixTest {
    private static final RoleMatrix MATRIX = RoleMatrix.of("invoice-service");

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void the_openapi_document_agrees_with_the_matrix() {
        MATRIX.assertOpenApiAgrees();
    }

    @Test
    void every_operation_answers_each_caller_as_the_matrix_says() {
        AccountStream ofMain = new AccountStream();
        RecordedEvent opened = ofMain.opened();
        RecordedEvent limitSet = ofMain.creditLimitSet("500.00");
        RecordedEvent charged = ofMain.charged("40.00");
        AccountStream ofAnotherStore = new AccountStream();
        Publisher.publish(kafka, opened, limitSet, charged, ofAnotherStore.event(new AccountOpened(
                "C-" + ofAnotherStore.accountId, "Customer elsewhere", null, false, "en", "CAD", RoleMatrix.otherStore())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.viewer()).get(ofMain.path("/balance")).then().body("version", equalTo(3));
            given().auth().oauth2(RoleMatrix.token("VIEWER", RoleMatrix.otherStore()))
                    .get(ofAnotherStore.path("/balance")).then().body("version", equalTo(1));
        });

        MATRIX.assertEnforced(Map.of("accountId", ofMain.accountId.toString(),
                        "invoiceId", ((SaleCharged) charged.data()).invoiceId()),
                Map.of(), Set.of("POST /admin/rebuild"));
        MATRIX.assertStoreWall(Map.of("accountId", ofAnotherStore.accountId.toString()), Map.of());
    }
}
