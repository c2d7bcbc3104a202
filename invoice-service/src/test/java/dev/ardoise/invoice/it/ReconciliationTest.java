package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
                assertEquals(List.of(), mine(reconcileOverHttp(), accounts)));

        UUID tampered = accounts.get(3);
        change("UPDATE account SET owed = owed + 0.01 WHERE account_id = ?", tampered);
        try {
            List<Map<String, Object>> differences = mine(reconcileOverHttp(), accounts);
            assertEquals(2, differences.size(), differences::toString);
            assertEquals(Set.of(tampered.toString()), differences.stream().map(found -> found.get("accountId"))
                    .collect(Collectors.toSet()));
            assertEquals(Set.of("owed", "available"), differences.stream().map(found -> found.get("field"))
                    .collect(Collectors.toSet()));
        } finally {
            change("UPDATE account SET owed = owed - 0.01 WHERE account_id = ?", tampered);
        }
        assertEquals(List.of(), mine(reconcileOverHttp(), accounts));
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

    /**
     * An event an operator skipped agrees on both sides (left out of both) and an account waiting at a gap too (both
     * stop before it): neither is a difference, and the report shows both.
     */
    @Test
    void a_skipped_event_and_an_account_waiting_at_a_gap_are_reported_beside_the_differences() throws SQLException {
        AccountStream skippedOne = new AccountStream();
        AccountStream waiting = new AccountStream();
        List<RecordedEvent> events = new ArrayList<>(List.of(skippedOne.opened(),
                skippedOne.charged("50.00", LocalDate.now(), LocalDate.parse("+5874898-01-01")),
                skippedOne.depositAdded("15.00"), waiting.opened()));
        waiting.skipVersion();
        events.add(waiting.depositAdded("5.00"));
        Publisher.publish(kafka, events.toArray(RecordedEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                ReaderPositions.allAt(dataSource, List.of(waiting.accountId), 1) && parkedAt(skippedOne.accountId) == 2);
        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body(Map.of("version", 2, "reason", "due date typed wrong at the till; invoice reissued"))
                .post("/admin/parked-accounts/{id}/skip", skippedOne.accountId).then().statusCode(200);
        List<UUID> mine = List.of(skippedOne.accountId, waiting.accountId);

        Reconciliation.Report report = reconciliation.run();

        assertEquals(List.of(), mine(report, mine));
        List<Reconciliation.Skipped> skipped = report.skipped().stream()
                .filter(event -> mine.contains(event.accountId())).toList();
        assertEquals(1, skipped.size(), skipped::toString);
        assertEquals(skippedOne.accountId, skipped.get(0).accountId());
        assertEquals(2, skipped.get(0).version());
        assertEquals("SaleCharged", skipped.get(0).eventType());
        assertTrue(skipped.get(0).parkedReason().contains("22008"), skipped.get(0).parkedReason());
        assertEquals("due date typed wrong at the till; invoice reissued", skipped.get(0).reason());
        assertEquals(List.of(new Reconciliation.Gap(waiting.accountId, 1, 3, 1)), report.gaps().stream()
                .filter(gap -> mine.contains(gap.accountId())).toList());
        given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().statusCode(200)
                .body("skipped.find { it.accountId == '" + skippedOne.accountId + "' }.skippedBy",
                        equalTo("operator-test"))
                .body("gaps.find { it.accountId == '" + waiting.accountId + "' }.firstWaiting", equalTo(3));
    }

    private long parkedAt(UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT version FROM parked_account WHERE account_id = ?")) {
            query.setObject(1, accountId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** The differences of the operator's report over HTTP, of these accounts only: other tests share the database. */
    private static List<Map<String, Object>> mine(List<Map<String, Object>> differences, List<UUID> accounts) {
        Set<String> ids = accounts.stream().map(UUID::toString).collect(Collectors.toSet());
        return differences.stream().filter(difference -> ids.contains(difference.get("accountId"))).toList();
    }

    private static List<Map<String, Object>> reconcileOverHttp() {
        return given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().statusCode(200)
                .extract().jsonPath().getList("differences");
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
