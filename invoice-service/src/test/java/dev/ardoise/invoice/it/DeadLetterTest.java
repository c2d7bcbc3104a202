package dev.ardoise.invoice.it;

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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterTest {
    private static final String DEAD_LETTERS = "account-events.invoice-service.dlq";

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void a_malformed_record_is_dead_lettered_and_the_consumer_carries_on() {
        String badKey = UUID.randomUUID().toString();
        AccountStream other = new AccountStream();
        Publisher.publish(kafka, List.of(AccountStream.record(badKey, "not json", "SaleCharged", UUID.randomUUID())));
        Publisher.publish(kafka, other.opened(), other.depositAdded("15.00"));

        ConsumerTask<String, String> deadLetters = deadLettersWithKey(badKey);
        try {
            deadLetters.awaitRecords(1, Duration.ofSeconds(30));
            ConsumerRecord<String, String> dead = deadLetters.getRecords().get(0);
            assertEquals("not json", dead.value());
            assertTrue(header(dead, "dead-letter-reason").contains("not JSON"), header(dead, "dead-letter-reason"));
        } finally {
            deadLetters.stop();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.cashier()).get(other.path("/balance"))
                .then().statusCode(200).body("version", equalTo(2)).body("depositBalance", equalTo("15.00")));
    }

    @Test
    void a_malformed_record_between_two_events_of_an_account_is_dead_lettered_alone_and_the_reader_commits_past_it() {
        AccountStream account = new AccountStream();
        String key = account.accountId.toString();
        String malformed = "{\"type\":\"DepositAdded\",\"accountId\":\"" + key + "\"}";
        RecordMetadata last = kafka.produceStrings().fromRecords(List.of(
                        AccountStream.record(account.opened()),
                        AccountStream.record(key, malformed, "DepositAdded", UUID.randomUUID()),
                        AccountStream.record(account.depositAdded("15.00"))))
                .awaitCompletion(Duration.ofSeconds(15)).getLastRecord();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.cashier()).get(account.path("/balance"))
                .then().statusCode(200).body("version", equalTo(2)).body("depositBalance", equalTo("15.00")));
        ConsumerTask<String, String> deadLetters = deadLettersWithKey(key);
        try {
            deadLetters.awaitRecords(1, Duration.ofSeconds(30));
            assertEquals(List.of(malformed), deadLetters.getRecords().stream().map(ConsumerRecord::value).toList());
        } finally {
            deadLetters.stop();
        }
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            OffsetAndMetadata committed = kafka.consumerGroups().offsets("invoice-service", partition);
            assertTrue(committed != null && committed.offset() > last.offset(), "committed: " + committed);
        });
    }

    /**
     * The dead letters with this key, read from the beginning of each partition of the dead-letter topic, assigned
     * by hand: a consumer group would first wait for its join.
     */
    private ConsumerTask<String, String> deadLettersWithKey(String key) {
        return kafka.consumeStrings().fromOffsets(FromTheStart.of(kafka, DEAD_LETTERS, Duration.ofSeconds(30)),
                records -> records.filter(record -> key.equals(record.key())));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
