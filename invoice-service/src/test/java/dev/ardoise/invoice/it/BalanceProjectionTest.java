package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BalanceProjectionTest {
    private static final Duration PROJECTED = Duration.ofSeconds(30);

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    private static void awaitVersion(AccountStream account, int version) {
        await().atMost(PROJECTED).untilAsserted(() -> given().auth().oauth2(Tokens.cashier()).get(account.path("/balance"))
                .then().statusCode(200).body("version", equalTo(version)));
    }

    @Test
    void the_merchants_worked_example_to_the_cent() {
        AccountStream account = new AccountStream();
        Publisher.publish(kafka, account.opened(), account.creditLimitSet("1000.00"), account.charged("400.00"),
                account.charged("300.00"), account.depositAdded("200.00"));

        awaitVersion(account, 5);

        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then()
                .statusCode(200)
                .body("accountId", equalTo(account.accountId.toString()))
                .body("currency", equalTo("CAD"))
                .body("creditLimit", equalTo("1000.00"))
                .body("balance", equalTo("-700.00"))
                .body("depositBalance", equalTo("200.00"))
                .body("available", equalTo("300.00"))
                .body("overdue", equalTo("0.00"))
                .body("status", equalTo("OUTSTANDING"))
                .body("version", equalTo(5));
    }

    @Test
    void a_new_account_is_settled_with_no_limit_and_nothing_available() {
        AccountStream account = new AccountStream();
        Publisher.publish(kafka, account.opened());

        awaitVersion(account, 1);

        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then()
                .body("creditLimit", nullValue())
                .body("balance", equalTo("0.00"))
                .body("depositBalance", equalTo("0.00"))
                .body("available", equalTo("0.00"))
                .body("status", equalTo("SETTLED"));
    }

    @Test
    void events_delivered_twice_are_counted_once() {
        AccountStream account = new AccountStream();
        List<RecordedEvent> events = List.of(account.opened(), account.creditLimitSet("1000.00"),
                account.charged("400.00"), account.charged("300.00"), account.depositAdded("200.00"));
        List<ProducerRecord<String, String>> twice = new ArrayList<>();
        events.forEach(event -> twice.add(AccountStream.record(event)));
        events.forEach(event -> twice.add(AccountStream.record(event)));
        // a marker after the duplicates: once it is applied, every duplicate before it was seen
        twice.add(AccountStream.record(account.depositAdded("10.00")));

        Publisher.publish(kafka, twice);

        awaitVersion(account, 6);
        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then()
                .body("balance", equalTo("-700.00"))
                .body("depositBalance", equalTo("210.00"))
                .body("available", equalTo("300.00"));
        given().auth().oauth2(Tokens.cashier()).get(account.path("/invoices")).then().body("items.size()", equalTo(2)).body("total", equalTo(2));
    }

    @Test
    void an_event_after_a_gap_is_parked_until_the_missing_version_arrives() throws SQLException {
        AccountStream account = new AccountStream();
        RecordedEvent opened = account.opened();
        RecordedEvent limitSet = account.creditLimitSet("500.00");
        RecordedEvent charged = account.charged("120.00");
        Publisher.publish(kafka, opened, charged);

        await().atMost(PROJECTED).until(() -> parkedEvents(account.accountId) == 1);
        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then()
                .body("version", equalTo(1))
                .body("balance", equalTo("0.00"));

        Publisher.publish(kafka, limitSet);

        awaitVersion(account, 3);
        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then()
                .body("creditLimit", equalTo("500.00"))
                .body("balance", equalTo("-120.00"))
                .body("available", equalTo("380.00"));
        assertEquals(0, parkedEvents(account.accountId));
    }

    @Test
    void an_unknown_event_type_is_skipped_and_the_next_version_still_applies() {
        AccountStream account = new AccountStream();
        RecordedEvent opened = account.opened();
        long unknownVersion = account.skipVersion();
        RecordedEvent fromTheFuture = account.at(unknownVersion,
                new DepositAdded("x", new BigDecimal("999.00"), DepositPurpose.OTHER, null));
        String unknownBody = AccountEventJson.write(fromTheFuture)
                .replace("\"type\":\"DepositAdded\"", "\"type\":\"LoyaltyPointsEarned\"");
        RecordedEvent deposit = account.depositAdded("25.00");

        Publisher.publish(kafka, List.of(AccountStream.record(opened),
                AccountStream.record(account.accountId.toString(), unknownBody, "LoyaltyPointsEarned",
                        fromTheFuture.eventId()),
                AccountStream.record(deposit)));

        awaitVersion(account, 3);
        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then().body("depositBalance", equalTo("25.00"));
    }

    @Test
    void min_version_waits_for_the_projection_to_catch_up() {
        AccountStream account = new AccountStream();
        Publisher.publish(kafka, account.opened(), account.creditLimitSet("250.00"));

        given().auth().oauth2(Tokens.cashier()).queryParam("minVersion", 2).get(account.path("/balance")).then()
                .statusCode(200)
                .header("X-Projection-Lagging", nullValue())
                .body("version", equalTo(2))
                .body("available", equalTo("250.00"));
    }

    @Test
    void min_version_not_reached_in_time_answers_with_what_there_is_and_says_so() {
        AccountStream account = new AccountStream();
        Publisher.publish(kafka, account.opened());
        awaitVersion(account, 1);

        given().auth().oauth2(Tokens.cashier()).queryParam("minVersion", 7).get(account.path("/balance")).then()
                .statusCode(200)
                .header("X-Projection-Lagging", equalTo("true"))
                .body("version", equalTo(1));
    }

    @Test
    void min_version_on_an_account_not_seen_yet_answers_lagging_never_not_found() {
        AccountStream account = new AccountStream();

        given().auth().oauth2(Tokens.cashier()).queryParam("minVersion", 1).get(account.path("/balance")).then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("X-Projection-Lagging", equalTo("true"))
                .header("Retry-After", equalTo("1"))
                .body("type", endsWith("/projection-lagging"))
                .body("minVersion", equalTo(1));

        Publisher.publish(kafka, account.opened());
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.cashier()).queryParam("minVersion", 1).get(account.path("/balance")).then()
                .statusCode(200)
                .header("X-Projection-Lagging", nullValue())
                .body("version", equalTo(1)));
    }

    private long parkedEvents(UUID accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from parked_event where account_id = ?")) {
            query.setObject(1, accountId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
