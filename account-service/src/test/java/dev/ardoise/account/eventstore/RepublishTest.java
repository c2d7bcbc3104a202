package dev.ardoise.account.eventstore;

import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.AccountEventsTopic;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.openAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An operator republishes an account's events from the event store: they go through the outbox and the relay
 * again, in order, on the account's partition, as the very records readers already had (same body, same event id),
 * so that a reader skips what it applied and a reader that lost them gets them back.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RepublishTest {
    private static final String OPERATOR = Tokens.of("OPERATOR").user("ops-nadia").stores().sign();

    @Inject
    Pool pool;

    @Inject
    EventStore eventStore;

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void a_republish_puts_the_accounts_events_on_the_topic_again_as_they_were_and_in_order() {
        String account = openAccount("500.00");
        charge(account, "sale-1", "120.00").statusCode(201);
        try (RecordsOnTopic onTopic = RecordsOnTopic.of(kafka.getBootstrapServers(), AccountEventsTopic.NAME, account)) {
            List<ConsumerRecord<String, String>> first = onTopic.await(3, Duration.ofSeconds(10));

            // as an operator sends it with curl -X POST: no body, no content type
            given().auth().oauth2(OPERATOR).post("/admin/accounts/{id}/republish", account).then().statusCode(202)
                    .body("accountId", equalTo(account)).body("queued", equalTo(3))
                    .body("fromVersion", equalTo(1)).body("toVersion", equalTo(3));

            List<ConsumerRecord<String, String>> all = onTopic.await(6, Duration.ofSeconds(10));
            assertEquals(6, all.size());
            assertEquals(values(first), values(all.subList(3, 6)), "the same events, in the same order");
            assertEquals(eventIds(first), eventIds(all.subList(3, 6)));
            assertEquals(first.get(0).partition(), all.get(5).partition());

            as(OPERATOR).post("/admin/accounts/{id}/republish?fromVersion=3", account).then().statusCode(202)
                    .body("queued", equalTo(1));
            List<ConsumerRecord<String, String>> again = onTopic.await(7, Duration.ofSeconds(10));
            assertEquals(first.get(2).value(), again.get(6).value());
        }
    }

    @Test
    void a_long_stream_is_republished_page_by_page_every_version_once_in_order() {
        UUID account = UUID.randomUUID();
        int versions = 2 * EventStore.REPUBLISH_PAGE + 7;
        List<AccountEvent> events = new ArrayList<>();
        events.add(new AccountOpened("C-" + account, "Long Stream", null, false, "en", "CAD", "MAIN"));
        for (int i = 1; i < versions; i++) {
            events.add(new CreditLimitSet(BigDecimal.valueOf(i * 100L, 2), BigDecimal.valueOf((i - 1) * 100L, 2)));
        }
        pool.withTransaction(tx -> eventStore.append(tx, CreditAccount.replay(account, List.of()), events))
                .await().indefinitely();
        try (RecordsOnTopic onTopic = RecordsOnTopic.of(kafka.getBootstrapServers(), AccountEventsTopic.NAME,
                account.toString())) {
            onTopic.await(versions, Duration.ofSeconds(10));

            as(OPERATOR).post("/admin/accounts/{id}/republish?fromVersion=5", account).then().statusCode(202)
                    .body("queued", equalTo(versions - 4)).body("toVersion", equalTo(versions));

            List<ConsumerRecord<String, String>> all = onTopic.await(2 * versions - 4, Duration.ofSeconds(10));
            assertEquals(LongStream.rangeClosed(5, versions).boxed().toList(),
                    all.subList(versions, all.size()).stream().map(RepublishTest::version).toList());
        }
    }

    @Test
    void an_unknown_account_or_a_version_below_one_is_refused() {
        as(OPERATOR).post("/admin/accounts/{id}/republish", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(OPERATOR).post("/admin/accounts/{id}/republish?fromVersion=0", UUID.randomUUID()).then().statusCode(400)
                .body("field", equalTo("fromVersion"));
        as(Tokens.manager()).post("/admin/accounts/{id}/republish", UUID.randomUUID()).then().statusCode(403);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> new String(record.headers().lastHeader(AccountEventsTopic.HEADER_ID)
                .value(), StandardCharsets.UTF_8)).toList();
    }

    private static long version(ConsumerRecord<String, String> record) {
        return AccountEventJson.read(record.value()).version();
    }
}
