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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().body("differences", org.hamcrest.Matchers.empty()));
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
