package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import dev.ardoise.invoice.projection.Reconciliation;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read models agree with account-events to the cent, and a row changed behind the projection's back shows. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReconciliationTest {
    private static final int ACCOUNTS = 10;
    private static final int EVENTS = 40;
    private static final int BATCHED_ACCOUNTS = 40;
    private static final int BATCHES = 8;

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Reconciliation reconciliation;

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

    @Test
    void in_many_small_batches_every_account_is_checked_once_and_a_tampered_one_is_found_in_its_batch()
            throws SQLException {
        List<UUID> accounts = new ArrayList<>();
        List<RecordedEvent> events = new ArrayList<>();
        for (int index = 0; index < BATCHED_ACCOUNTS; index++) {
            UUID accountId = UUID.randomUUID();
            accounts.add(accountId);
            events.addAll(Histories.history(accountId, 2000 + index, EVENTS));
        }
        Publisher.publish(kafka, events.toArray(RecordedEvent[]::new));
        await().atMost(Duration.ofMinutes(5)).until(() -> LiveReader.caughtUp(kafka));
        int inReadModels = count("SELECT count(*) FROM account");
        // a small batch, whatever the other tests left: at least BATCHES batches, each holding a few accounts
        int batch = Math.max(1, inReadModels / BATCHES);
        Reconciliation.Report whole = reconciliation.run(inReadModels + 1);
        assertEquals(1, whole.batches());
        assertEquals(List.of(), mine(whole, accounts));
        UUID tampered = accounts.get(BATCHED_ACCOUNTS / 2);
        change("UPDATE account SET deposit_balance = deposit_balance - 0.01 WHERE account_id = ?", tampered);
        try {
            Reconciliation.Report batched = reconciliation.run(batch);

            assertTrue(batched.batches() >= BATCHES, "batches: " + batched.batches());
            assertEquals(whole.accountsChecked(), batched.accountsChecked(), "each account checked once");
            assertEquals(List.of(new Reconciliation.Difference(tampered, "depositBalance",
                    amountOf(tampered, "deposit_balance", 0.01), amountOf(tampered, "deposit_balance", 0))),
                    mine(batched, accounts));
        } finally {
            change("UPDATE account SET deposit_balance = deposit_balance + 0.01 WHERE account_id = ?", tampered);
        }
    }

    private static List<Reconciliation.Difference> mine(Reconciliation.Report report, List<UUID> accounts) {
        return report.differences().stream().filter(difference -> accounts.contains(difference.accountId())).toList();
    }

    /** The account's amount in a column, plus {@code plus}, as the reconciliation writes it. */
    private String amountOf(UUID accountId, String column, double plus) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT (" + column + " + ?)::numeric(19, 2)::text FROM account WHERE account_id = ?")) {
            query.setBigDecimal(1, java.math.BigDecimal.valueOf(plus));
            query.setObject(2, accountId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
             var rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void change(String sql, UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, accountId);
            update.executeUpdate();
        }
    }
}
