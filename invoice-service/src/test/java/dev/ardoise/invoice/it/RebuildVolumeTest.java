package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.Histories;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rebuild alone makes the read models of accounts the live projection never saw, and they agree with
 * account-events: every account's balance by the reconciliation (folded independently), every account's owed with
 * the sum owed on its invoices. The live reader is held while the events are published and rebuilt, then let go:
 * it skips what the rebuilt tables already hold.
 * <p>
 * 5,000 generated events of 100 accounts by default (system property {@code rebuild.volume.events}): every partition
 * and several of the rebuild's writes ({@code ardoise.rebuild.flush-every}, 500 records in tests). The rebuild's
 * rate, and its result row by row against the live read models, are measured on 100,000 events by the benchmark
 * module ({@code -Pbenchmark}). With {@code -Drebuild.volume.events=100000} this class still runs 100,000; if holding
 * the live reader then takes over a minute, add
 * {@code -Dmp.messaging.incoming.account-events.throttled.unprocessed-record-max-age.ms=600000}.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RebuildVolumeTest {
    private static final int EVENTS_PER_ACCOUNT = 50;

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "ardoise.rebuild.flush-every")
    int flushEvery;

    @Test
    void events_nobody_projected_are_rebuilt_and_reconcile() throws SQLException {
        int events = Integer.getInteger("rebuild.volume.events", 5_000);
        assertTrue(events >= 3 * flushEvery, "the events cross several of the rebuild's writes");
        int accounts = events / EVENTS_PER_ACCOUNT;
        List<UUID> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        for (int index = 0; index < accounts; index++) {
            UUID accountId = UUID.randomUUID();
            ids.add(accountId);
            for (RecordedEvent event : Histories.history(accountId, index, EVENTS_PER_ACCOUNT)) {
                records.add(AccountStream.record(event));
            }
        }

        PausableChannel live = channels.getPausable("account-events");
        live.pause();
        try {
            ProducerTask produced = kafka.produceStrings().withProp("linger.ms", "20")
                    .withProp("batch.size", "1000000").withConcurrency().fromRecords(records)
                    .awaitCompletion(Duration.ofMinutes(3));
            assertEquals(LiveReader.partitions(kafka), produced.byTopicPartition().keySet(),
                    "the events are on every partition");
            assertTrue(ReaderPositions.noneOf(dataSource, ids), "the live reader is held: it applied none of them");

            given().auth().oauth2(Tokens.operator()).post("/admin/rebuild").then().statusCode(202);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").then()
                            .body("state", equalTo("DONE")));
        } finally {
            live.resume();
        }
        String progress = given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").asString();
        System.out.println("RebuildVolumeTest: " + progress);

        given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().statusCode(200)
                .body("accountsChecked", greaterThanOrEqualTo(accounts))
                .body("differences", empty());
        assertTrue(ReaderPositions.allAt(dataSource, ids, EVENTS_PER_ACCOUNT), "every account rebuilt to its end");
        assertEquals(0, accountsWhoseInvoicesDoNotAddUp());
        // the next test class finds the live reader past these events, as it would have been without the hold
        await().atMost(Duration.ofMinutes(2)).until(() -> LiveReader.caughtUp(kafka));
    }

    private long accountsWhoseInvoicesDoNotAddUp() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM account a WHERE a.owed <> "
                     + "(SELECT coalesce(sum(i.owed), 0) FROM invoice i WHERE i.account_id = a.account_id)")) {
            result.next();
            return result.getLong(1);
        }
    }
}
