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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rebuild's rate on 100,000 generated events (system property {@code rebuild.volume.events}). The live
 * consumer reads another topic here, so that the measure is the rebuild's alone; the rebuilt read models are
 * then checked against account-events by the reconciliation (every account's balance, independently folded),
 * and every account's owed against the sum owed on its invoices.
 */
@QuarkusTest
@TestProfile(RebuildVolumeTest.LiveConsumerElsewhere.class)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RebuildVolumeTest {
    private static final int EVENTS_PER_ACCOUNT = 50;

    public static class LiveConsumerElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.account-events.topic", "account-events.not-read-in-this-test");
        }
    }

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_hundred_thousand_events_are_rebuilt_and_reconcile() throws SQLException {
        int events = Integer.getInteger("rebuild.volume.events", 100_000);
        int accounts = events / EVENTS_PER_ACCOUNT;
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        for (int index = 0; index < accounts; index++) {
            for (RecordedEvent event : Histories.history(UUID.randomUUID(), index, EVENTS_PER_ACCOUNT)) {
                records.add(AccountStream.record(event));
            }
        }
        kafka.produceStrings().withProp("linger.ms", "20").withProp("batch.size", "1000000").withConcurrency()
                .fromRecords(records).awaitCompletion(Duration.ofMinutes(3));

        given().auth().oauth2(Tokens.operator()).post("/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").then().body("state", equalTo("DONE")));
        String progress = given().auth().oauth2(Tokens.operator()).get("/admin/rebuild").asString();
        System.out.println("RebuildVolumeTest: " + progress);

        given().auth().oauth2(Tokens.operator()).post("/admin/reconciliation").then().statusCode(200)
                .body("accountsChecked", greaterThanOrEqualTo(accounts))
                .body("differences", empty());
        assertEquals(0, accountsWhoseInvoicesDoNotAddUp());
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
