package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

/** The read models agree with account-events to the cent, and a row changed behind the projection's back shows. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReconciliationTest {
    private static final int ACCOUNTS = 10;
    private static final int EVENTS = 40;

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void every_account_agrees_with_the_events_then_a_tampered_row_is_reported() throws SQLException {
        List<UUID> accounts = new ArrayList<>();
        List<RecordedEvent> events = new ArrayList<>();
        for (int index = 0; index < ACCOUNTS; index++) {
            UUID accountId = UUID.randomUUID();
            accounts.add(accountId);
            events.addAll(Histories.history(accountId, 1000 + index, EVENTS));
        }
        Publisher.publish(kafka, events.toArray(RecordedEvent[]::new));

        // every test's events applied, not only these: the reconciliation reads every account of the topic
        await().atMost(Duration.ofMinutes(5)).until(() -> LiveReader.caughtUp(kafka));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().statusCode(200)
                        .body("accountsChecked", greaterThanOrEqualTo(ACCOUNTS))
                        .body("differences", empty()));

        UUID tampered = accounts.get(3);
        change("UPDATE account SET owed = owed + 0.01 WHERE account_id = ?", tampered);
        try {
            given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().statusCode(200)
                    .body("differences", hasSize(2))
                    .body("differences.accountId", org.hamcrest.Matchers.everyItem(equalTo(tampered.toString())))
                    .body("differences.field", org.hamcrest.Matchers.containsInAnyOrder("owed", "available"));
        } finally {
            change("UPDATE account SET owed = owed - 0.01 WHERE account_id = ?", tampered);
        }
        given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then()
                .body("differences", empty());
        given().auth().oauth2(Tokens.cashier()).post("/admin/reconciliation").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardoise.dev/problems/forbidden"));
        given().auth().oauth2(Tokens.manager()).post("/admin/reconciliation").then().statusCode(403);
    }

    private void change(String sql, UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, accountId);
            update.executeUpdate();
        }
    }
}
