package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.ReadModelDump;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rebuild folds the topic into shadow tables and switches them in while queries keep being answered, and ends
 * with exactly the rows the live projection made (every table, row by row). 1,250 generated events of 50 accounts
 * by default (system property {@code rebuild.events}): 50 accounts so that every partition has some, 25 events each
 * so that the live projection, what takes time here, has few to apply; together they cross several of the rebuild's
 * writes ({@code ardoise.rebuild.flush-every}, 500 records in tests), so that accounts are written in parts. The
 * benchmark module checks this same equality on 100,000 events ({@code -Pbenchmark}).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RebuildTest {
    private static final int EVENTS_PER_ACCOUNT = 25;

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "ardoise.rebuild.flush-every")
    int flushEvery;

    @Test
    void a_rebuild_ends_with_the_live_read_models_and_queries_never_stop() throws Exception {
        int events = Integer.getInteger("rebuild.events", 1_250);
        assertTrue(events > 2 * flushEvery, "the events cross several of the rebuild's writes");
        int accounts = events / EVENTS_PER_ACCOUNT;
        commitsWithoutWaitingForTheDisk();
        List<UUID> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        for (int index = 0; index < accounts; index++) {
            UUID accountId = UUID.randomUUID();
            ids.add(accountId);
            for (RecordedEvent event : Histories.history(accountId, index, EVENTS_PER_ACCOUNT)) {
                records.add(AccountStream.record(event));
            }
        }
        AccountStream ofAnotherStore = new AccountStream();
        records.add(AccountStream.record(ofAnotherStore.event(new AccountOpened("C-" + ofAnotherStore.accountId,
                "Luc Gagnon", null, false, "fr-CA", "CAD", "OTHER"))));
        records.add(AccountStream.record(ofAnotherStore.charged("10.00")));
        long start = System.nanoTime();
        ProducerTask sent = kafka.produceStrings().withProp("linger.ms", "20").withProp("batch.size", "1000000")
                .withConcurrency().fromRecords(records).awaitCompletion(Duration.ofMinutes(2));
        long produced = System.nanoTime();
        assertEquals(LiveReader.partitions(kafka), sent.byTopicPartition().keySet(),
                "the events are on every partition");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ReaderPositions.allAt(dataSource, ids, EVENTS_PER_ACCOUNT));
        long projected = System.nanoTime();
        System.out.printf("RebuildTest: %d events produced in %d ms, projected live in %d ms%n", records.size(),
                (produced - start) / 1_000_000, (projected - start) / 1_000_000);
        // every test's events applied, not only these: the dumps must not move under the rebuild
        await().atMost(Duration.ofMinutes(5)).until(() -> LiveReader.caughtUp(kafka));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertEquals(
                List.of(), given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().extract()
                        .jsonPath().getList("differences.accountId").stream().filter(id -> ids.contains(
                                UUID.fromString(String.valueOf(id)))).toList()));
        String live = ReadModelDump.all(dataSource);

        AtomicBoolean querying = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String cashier = Tokens.cashier();
        Thread queries = new Thread(() -> {
            while (querying.get()) {
                Response balance = given().auth().oauth2(cashier).get("/accounts/" + ids.get(answered.get() % ids.size()) + "/balance");
                if (balance.statusCode() == 200) {
                    answered.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }
        });
        queries.start();
        try {
            String rebuildId = given().auth().oauth2(Tokens.operator()).post("/admin/rebuild").then().statusCode(202)
                    .body("rebuildId", notNullValue()).extract().path("rebuildId");
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").then().body("rebuildId", equalTo(rebuildId))
                            .body("state", equalTo("DONE")));
        } finally {
            querying.set(false);
            queries.join();
        }
        System.out.println("RebuildTest: " + given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").asString());

        assertEquals(0, failed.get(), "every query during the rebuild was answered");
        assertTrue(answered.get() > 0, "queries ran during the rebuild");
        String rebuilt = ReadModelDump.all(dataSource);
        assertTrue(live.lines().count() > events, "the live read models hold the history");
        assertEquals(live.hashCode(), rebuilt.hashCode(), () -> ReadModelDump.firstDifference(live, rebuilt));
        assertEquals(live, rebuilt);
        assertEquals("OTHER", storeOf(ofAnotherStore.accountId), "the account's store, rebuilt from its opening");
    }

    /**
     * An account parked at a sale due in year 5874898 (its deposit waiting behind it) no longer fails the rebuild: the
     * rebuild folds it up to the parked event and keeps the deposit waiting, so that after the switch the parked row
     * is still true (the operator's skip then applies the deposit), and every other account equals the live rows.
     */
    @Test
    void a_rebuild_while_an_account_is_parked_keeps_it_parked_where_it_is_and_rebuilds_the_others() throws Exception {
        AccountStream bad = new AccountStream();
        AccountStream good = new AccountStream();
        Publisher.publish(kafka, bad.opened(), bad.charged("50.00", LocalDate.now(), LocalDate.parse("+5874898-01-01")),
                bad.depositAdded("15.00"), good.opened(), good.charged("40.00"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                parked(bad).body("version", equalTo(2)).body("waiting", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                ReaderPositions.allAt(dataSource, List.of(good.accountId), 2) && LiveReader.caughtUp(kafka));
        String live = ReadModelDump.all(dataSource);
        String parkedRow = parkedRow(bad.accountId);

        String rebuildId = given().auth().oauth2(Tokens.operator()).post("/admin/rebuild").then().statusCode(202)
                .extract().path("rebuildId");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> List.of("DONE", "FAILED")
                .contains(given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").path("state")));
        given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").then().body("rebuildId", equalTo(rebuildId))
                .body("error", nullValue()).body("state", equalTo("DONE"))
                .body("parkedAccounts", greaterThanOrEqualTo(1));

        String rebuilt = ReadModelDump.all(dataSource);
        assertEquals(live, rebuilt, () -> ReadModelDump.firstDifference(live, rebuilt));
        assertTrue(rebuilt.contains("parked_event account_id=" + bad.accountId + " version=3"), "the deposit waits");
        assertEquals(parkedRow, parkedRow(bad.accountId), "the parked row is untouched");
        given().auth().oauth2(Tokens.cashier()).get(good.path("/balance")).then().statusCode(200)
                .body("version", equalTo(2)).body("balance", equalTo("-40.00"));

        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body(Map.of("version", 2, "reason", "due date typed wrong at the till; invoice reissued"))
                .post("/admin/parked-accounts/{id}/skip", bad.accountId).then().statusCode(200)
                .body("outcome", equalTo("SKIPPED")).body("lastVersion", equalTo(3));
        given().auth().oauth2(Tokens.cashier()).get(bad.path("/balance")).then().statusCode(200)
                .body("version", equalTo(3)).body("balance", equalTo("0.00")).body("depositBalance", equalTo("15.00"));
    }

    private static ValidatableResponse parked(AccountStream account) {
        return given().auth().oauth2(Tokens.operator()).get("/admin/parked-accounts").then().statusCode(200)
                .rootPath("find { it.accountId == '" + account.accountId + "' }")
                .body("accountId", equalTo(account.accountId.toString()));
    }

    private String parkedRow(UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT version, event_type, reason, parked_at FROM parked_account WHERE account_id = ?")) {
            query.setObject(1, accountId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) + " " + row.getString(2) + " " + row.getString(3) + " "
                        + row.getString(4) : null;
            }
        }
    }

    private String storeOf(UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT store_id FROM account WHERE account_id = ?")) {
            query.setObject(1, accountId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The test database is thrown away: commits need not wait for its disk (that is not what is measured). */
    private void commitsWithoutWaitingForTheDisk() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET synchronous_commit = off");
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
