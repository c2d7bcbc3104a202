package dev.ardoise.account.eventstore;

import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.events.AccountEventsTopic;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outbox row the relay cannot publish for what it is (larger than the producer or the topic takes) parks its
 * account, not its partition: the other accounts of the partition are published right after, the parked account's
 * later rows wait behind it, and an operator retries it after a fix or skips it with a reason.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RelayParkingTest {
    /** Larger than the relay's producer takes (max.request.size, 1 MiB by default). */
    private static final int TOO_LARGE_FOR_THE_TOPIC = 1_100_000;
    private static final String OPERATOR = Tokens.of("OPERATOR").user("ops-nadia").stores().sign();

    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Inject
    Pool pool;

    @Inject
    OutboxRelay applicationRelay;

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void an_event_too_large_for_the_topic_parks_its_account_and_the_next_account_of_its_partition_is_published_at_once() {
        int partitions = partitionsOfTheTopic();
        UUID stuck = Outbox.accountOnPartition(0, partitions);
        UUID next = Outbox.accountOnPartition(0, partitions);
        double parkedBefore = metric("ardoise_relay_parked_total");
        Outbox outbox = new Outbox(pool);

        try (RecordsOnTopic ofNext = onTopic(next); RecordsOnTopic ofStuck = onTopic(stuck)) {
            outbox.appendOfSize(stuck, 1, TOO_LARGE_FOR_THE_TOPIC);
            outbox.append(List.of(next), 1);
            outbox.append(List.of(stuck), 2);

            assertEquals(1, ofNext.await(1, Duration.ofSeconds(10)).size());
            assertEquals(List.of(), ofStuck.toEnd());
            Map<String, Object> parked = parkedAccount(stuck);
            assertEquals(1, number(parked, "version"));
            assertEquals("RelayTested", parked.get("eventType"));
            assertTrue(String.valueOf(parked.get("reason")).startsWith("RecordTooLargeException"), parked.toString());
            assertEquals(1, number(parked, "waiting"), "version 2 waits behind version 1");
            assertTrue(parked.get("parkedAt") != null, parked.toString());
            assertEquals(2, outbox.unpublished(List.of(stuck)));
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
                    .until(() -> metric("ardoise_relay_parked_accounts") >= 1);
            // the counter is shared with every test of this application: this parking raised it, others may have too
            double parkedAfter = metric("ardoise_relay_parked_total");
            assertTrue(parkedAfter >= parkedBefore + 1, "ardoise_relay_parked_total " + parkedBefore + " -> " + parkedAfter);

            as(OPERATOR).body(Map.of("version", 1, "reason", "a test note of 1.1 MB; the customer was told"))
                    .post("/admin/parked-accounts/{id}/skip", stuck)
                    .then().statusCode(200)
                    .body("accountId", equalTo(stuck.toString())).body("version", equalTo(1))
                    .body("skippedBy", equalTo("ops-nadia"))
                    .body("parkedReason", containsString("RecordTooLargeException"));

            List<ConsumerRecord<String, String>> published = ofStuck.await(1, Duration.ofSeconds(10));
            assertEquals(1, published.size());
            assertTrue(published.get(0).value().contains("\"version\":2"), published.get(0).value());
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(10))
                    .until(() -> outbox.unpublished(List.of(stuck)) == 0);
            as(OPERATOR).get("/admin/parked-accounts").then().statusCode(200)
                    .body("accountId", not(hasItem(stuck.toString())));
            List<Map<String, Object>> skipped = as(OPERATOR).get("/admin/skipped-events?accountId={id}", stuck)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(List.of("a test note of 1.1 MB; the customer was told"), skipped.stream()
                    .filter(event -> stuck.toString().equals(event.get("accountId"))).map(event -> event.get("reason"))
                    .toList());
            assertEquals(List.of(), ofStuck.toEnd().stream().filter(r -> r.value().contains("\"version\":1,"))
                    .toList(), "the skipped event is never sent");
        }
    }

    @Test
    void a_retry_after_the_limit_was_raised_publishes_the_parked_event_then_the_later_ones_in_order() {
        boolean wasRunning = applicationRelay.running();
        applicationRelay.stop();
        try (TestRelay smallLimit = relayTaking(10_000, "small-limit")) {
            UUID stuck = Outbox.accountOnPartition(1, smallLimit.partitions());
            UUID next = Outbox.accountOnPartition(1, smallLimit.partitions());
            Outbox outbox = new Outbox(pool);
            outbox.appendOfSize(stuck, 1, 20_000);
            outbox.append(List.of(next), 1);
            outbox.append(List.of(stuck), 2);

            smallLimit.publishEverything();
            assertEquals(1, smallLimit.parked());
            assertEquals(0, outbox.unpublished(List.of(next)));
            assertEquals(2, outbox.unpublished(List.of(stuck)));

            // retried before the fix: parked again, nothing sent
            given().auth().oauth2(OPERATOR).post("/admin/parked-accounts/{id}/retry", stuck).then().statusCode(200)
                    .body("version", equalTo(1)).body("waiting", equalTo(1));
            smallLimit.publishEverything();
            assertEquals(2, smallLimit.parked());
            parkedAccount(stuck);

            as(OPERATOR).post("/admin/parked-accounts/{id}/retry", stuck).then().statusCode(200);
            try (TestRelay raised = relayTaking(1_048_576, "raised-limit")) {
                raised.publishEverything();
                assertEquals(0, raised.parked());
            }
            assertEquals(0, outbox.unpublished(List.of(stuck, next)));
            AccountEventsOnTopic.read(kafka.getBootstrapServers(), List.of(stuck)).assertExactlyOnceInOrder(2,
                    smallLimit.partitions());
            AccountEventsOnTopic.read(kafka.getBootstrapServers(), List.of(next)).assertExactlyOnceInOrder(1,
                    smallLimit.partitions());
        } finally {
            if (wasRunning) {
                applicationRelay.start();
            }
        }
    }

    @Test
    void operators_are_told_what_they_got_wrong() {
        UUID notParked = UUID.randomUUID();
        as(OPERATOR).post("/admin/parked-accounts/{id}/retry", notParked).then().statusCode(404)
                .contentType("application/problem+json");
        as(OPERATOR).body(Map.of("version", 1, "reason", "gone")).post("/admin/parked-accounts/{id}/skip", notParked)
                .then().statusCode(404);
        as(OPERATOR).body(Map.of("version", 1)).post("/admin/parked-accounts/{id}/skip", notParked)
                .then().statusCode(400).body("field", equalTo("reason"));
        as(OPERATOR).body(Map.of("version", 1, "reason", "r".repeat(501)))
                .post("/admin/parked-accounts/{id}/skip", notParked).then().statusCode(400)
                .body("field", equalTo("reason"));
        as(OPERATOR).get("/admin/parked-accounts?size=501").then().statusCode(400).body("field", equalTo("size"));
        as(OPERATOR).get("/admin/parked-accounts?size=ten").then().statusCode(400).body("field", equalTo("size"));
        as(OPERATOR).post("/admin/parked-accounts/{id}/retry", "not-an-account").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_skip_must_name_the_version_the_account_is_parked_at() {
        boolean wasRunning = applicationRelay.running();
        applicationRelay.stop();
        try (TestRelay smallLimit = relayTaking(10_000, "wrong-version")) {
            UUID stuck = Outbox.accountOnPartition(2, smallLimit.partitions());
            Outbox outbox = new Outbox(pool);
            outbox.append(List.of(stuck), 1);
            outbox.appendOfSize(stuck, 2, 20_000);
            smallLimit.publishEverything();

            as(OPERATOR).body(Map.of("version", 1, "reason", "the wrong one"))
                    .post("/admin/parked-accounts/{id}/skip", stuck)
                    .then().statusCode(409).body("parkedAt", equalTo(2)).body("field", equalTo("version"));
            assertEquals(2, number(parkedAccount(stuck), "version"));

            as(OPERATOR).body(Map.of("version", 2, "reason", "too large, told the store"))
                    .post("/admin/parked-accounts/{id}/skip", stuck).then().statusCode(200);
            assertEquals(0, outbox.unpublished(List.of(stuck)));
        } finally {
            if (wasRunning) {
                applicationRelay.start();
            }
        }
    }

    /** The account as GET /admin/parked-accounts lists it; fails when it is not listed. */
    private static Map<String, Object> parkedAccount(UUID account) {
        List<Map<String, Object>> all = as(OPERATOR).get("/admin/parked-accounts").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(parked -> account.toString().equals(parked.get("accountId"))).findFirst()
                .orElseThrow(() -> new AssertionError(account + " is not listed as parked: " + all));
    }

    private static long number(Map<String, Object> parked, String field) {
        return ((Number) parked.get(field)).longValue();
    }

    private TestRelay relayTaking(int maxRequestSize, String name) {
        Producer<String, String> producer = KafkaProducerFactory.relayProducer(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize), name);
        return new TestRelay(pool, producer, kafka.getBootstrapServers(), name, 100, () -> {
        }, -1);
    }

    private RecordsOnTopic onTopic(UUID account) {
        return RecordsOnTopic.of(kafka.getBootstrapServers(), AccountEventsTopic.NAME, account.toString());
    }

    private int partitionsOfTheTopic() {
        try (TestRelay relay = relayTaking(1_048_576, "metadata")) {
            return relay.partitions();
        }
    }

    private double metric(String name) {
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
