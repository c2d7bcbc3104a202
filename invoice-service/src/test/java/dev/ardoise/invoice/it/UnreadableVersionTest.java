package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountEventJson;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.FromTheStart;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record whose version is 0 or not a number is no account event: dead-lettered with its reason, the reader goes on. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnreadableVersionTest {
    private static final String DEAD_LETTERS = "account-events.invoice-service.dlq";
    private static final Duration SOON = Duration.ofSeconds(10);

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void records_with_version_0_or_not_a_number_are_dead_lettered_and_the_account_goes_on() {
        AccountStream account = new AccountStream();
        String key = account.accountId.toString();
        RecordedEvent opened = account.opened();
        RecordedEvent deposit = account.depositAdded("15.00");
        String versionZero = AccountEventJson.write(deposit).replace("\"version\":2", "\"version\":0");
        String versionText = AccountEventJson.write(deposit).replace("\"version\":2", "\"version\":\"two\"");
        Publisher.publish(kafka, List.of(AccountStream.record(opened),
                AccountStream.record(key, versionZero, "DepositAdded", deposit.eventId()),
                AccountStream.record(key, versionText, "DepositAdded", deposit.eventId()),
                AccountStream.record(deposit)));

        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.cashier()).get(account.path("/balance")).then().statusCode(200)
                .body("version", equalTo(2)).body("depositBalance", equalTo("15.00")));
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromOffsets(FromTheStart.of(kafka, DEAD_LETTERS, SOON), records -> records
                        .filter(record -> key.equals(record.key())));
        try {
            deadLetters.awaitRecords(2, SOON);
            List<ConsumerRecord<String, String>> dead = deadLetters.getRecords();
            assertEquals(List.of(versionZero, versionText), dead.stream().map(ConsumerRecord::value).toList());
            dead.forEach(record -> assertTrue(reason(record).contains("version is not a whole number of 1 or more"),
                    reason(record)));
        } finally {
            deadLetters.stop();
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
