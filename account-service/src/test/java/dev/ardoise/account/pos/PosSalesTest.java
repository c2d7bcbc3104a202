package dev.ardoise.account.pos;

import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.manager;
import static dev.ardoise.account.Register.openAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registers publishing sales on pos-sales get one charge per sale and the same answer every time. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PosSalesTest {

    @InjectKafka
    KafkaCompanion kafka;

    /** Register R7's token, for cashier-3 at the store MAIN. */
    private static final String REGISTER_R7 = Tokens.of("CASHIER").user("cashier-3").register("R7").sign();

    private void publish(String accountId, String value) {
        publish(accountId, value, REGISTER_R7);
    }

    /** Publishes as a register does, with its token in the record header authorization (none when null). */
    private void publish(String accountId, String value, String token) {
        ProducerRecord<String, String> record = new ProducerRecord<>("pos-sales", accountId, value);
        if (token != null) {
            record.headers().add("authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        }
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
    }

    /** A sale whose body claims another store, register and user: the token's are the ones recorded. */
    private static String sale(String saleId, String accountId, String amount) {
        return """
                {"saleId":"%s","accountId":"%s","amount":"%s","storeId":"EAST","registerId":"R-forged","userId":"boss",
                 "correlationId":"corr-%s","lines":[{"description":"Paint 4 L","quantity":"2","unitPrice":"%s"}]}"""
                .formatted(saleId, accountId, amount, saleId, new java.math.BigDecimal(amount)
                        .divide(new java.math.BigDecimal("2")).toPlainString());
    }

    private RecordsOnTopic answers(String accountId) {
        return RecordsOnTopic.of(kafka.getBootstrapServers(), "pos-sale-results", accountId);
    }

    private RecordsOnTopic deadLetters(String... accountIds) {
        return RecordsOnTopic.of(kafka.getBootstrapServers(), "pos-sales.dlq", accountIds);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_sale_published_twice_is_charged_once_and_answered_the_same_twice() {
        String accountId = openAccount("1000.00");

        publish(accountId, sale("pos-1", accountId, "120.00"));
        publish(accountId, sale("pos-1", accountId, "120.00"));

        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic answers = answers(accountId)) {
            records = answers.await(2, Duration.ofSeconds(60));
        }
        JsonPath first = JsonPath.from(records.get(0).value());
        assertEquals("CHARGED", first.getString("outcome"));
        assertEquals("pos-1", first.getString("saleId"));
        assertEquals("120.00", first.getString("amount"));
        assertEquals(3, first.getInt("version"));
        assertTrue(first.getString("invoiceNumber").startsWith("MAIN-"));
        assertNotNull(first.getString("dueDate"));
        assertEquals(records.get(0).value(), records.get(1).value());
        ConsumerRecord<String, String> answer = records.get(0);
        assertEquals("PosSaleCharged", header(answer, "ce_type"));
        assertEquals("pos-1", header(answer, "ce_subject"));
        assertEquals("/ardoise/account-service", header(answer, "ce_source"));
        assertEquals("1.0", header(answer, "ce_specversion"));
        assertEquals("application/json", header(answer, "content-type"));
        assertNotNull(header(answer, "ce_time"));
        assertEquals(header(answer, "ce_id"), header(records.get(1), "ce_id"));

        cashier().get("/accounts/{id}", accountId).then().body("balance", equalTo("-120.00"))
                .body("version", equalTo(3));
        JsonPath events = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath();
        assertEquals("R7", events.getString("metadata.actor.registerId[2]"));
        assertEquals("cashier-3", events.getString("metadata.actor.userId[2]"));
        assertEquals("CASHIER", events.getString("metadata.actor.role[2]"));
        assertEquals("MAIN", events.getString("metadata.actor.storeId[2]"));
        assertEquals("R7", events.getString("data.registerId[2]"));
        assertEquals("MAIN", events.getString("data.storeId[2]"));
        assertEquals("corr-pos-1", events.getString("metadata.correlationId[2]"));
        assertEquals("120.00", events.getString("data.lines[2][0].amount"));
    }

    @Test
    void the_same_sale_id_again_with_another_amount_is_rejected_naming_the_sale_id_and_nothing_more_is_charged() {
        String accountId = openAccount("1000.00");

        publish(accountId, sale("pos-9", accountId, "2.00"));
        publish(accountId, sale("pos-9", accountId, "900.00"));
        publish(accountId, sale("pos-9", accountId, "900.00"));

        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic answers = answers(accountId)) {
            records = answers.await(3, Duration.ofSeconds(60));
        }
        assertEquals("CHARGED", JsonPath.from(records.get(0).value()).getString("outcome"));
        for (ConsumerRecord<String, String> reused : records.subList(1, 3)) {
            JsonPath answer = JsonPath.from(reused.value());
            assertEquals("REJECTED", answer.getString("outcome"));
            assertEquals("saleId", answer.getString("reason"));
            assertEquals("saleId pos-9 was already used for a different request (a sale of 2.00)",
                    answer.getString("detail"));
            assertEquals("PosSaleRejected", header(reused, "ce_type"));
        }
        cashier().get("/accounts/{id}", accountId).then().body("balance", equalTo("-2.00")).body("version", equalTo(3));
        // the first answer stays the sale's
        publish(accountId, sale("pos-9", accountId, "2.00"));
        try (RecordsOnTopic answers = answers(accountId)) {
            assertEquals(records.get(0).value(), answers.await(4, Duration.ofSeconds(60)).get(3).value());
        }
    }

    @Test
    void a_declined_sale_says_why_and_what_is_available_and_is_declined_again_the_same_way() {
        String accountId = openAccount("100.00");
        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic answers = answers(accountId)) {
            publish(accountId, sale("pos-2", accountId, "150.00"));
            answers.await(1, Duration.ofSeconds(60));
            manager().body(java.util.Map.of("creditLimit", "500.00")).put("/accounts/{id}/credit-limit", accountId)
                    .then().statusCode(200);
            publish(accountId, sale("pos-2", accountId, "150.00"));

            records = answers.await(2, Duration.ofSeconds(60));
        }
        JsonPath declined = JsonPath.from(records.get(0).value());
        assertEquals("DECLINED", declined.getString("outcome"));
        assertEquals("OVER_AVAILABLE", declined.getString("reason"));
        assertEquals("100.00", declined.getString("available"));
        assertNull(declined.getString("invoiceId"));
        assertTrue(!records.get(0).value().contains("invoiceId"), "absent members are left out");
        assertEquals("PosSaleDeclined", header(records.get(0), "ce_type"));
        assertEquals(records.get(0).value(), records.get(1).value());
        cashier().get("/accounts/{id}", accountId).then().body("balance", equalTo("0.00"));
    }

    @Test
    void an_unreadable_message_goes_to_the_dead_letter_topic_and_the_next_sale_is_still_charged() {
        String accountId = openAccount("100.00");

        publish(accountId, "this is not JSON");
        publish(accountId, "{\"accountId\":\"" + accountId + "\",\"amount\":\"5.00\"}");
        publish(accountId, sale("pos-3", accountId, "10.00"));

        List<ConsumerRecord<String, String>> dead;
        try (RecordsOnTopic dlq = deadLetters(accountId)) {
            dead = dlq.await(2, Duration.ofSeconds(60));
        }
        assertEquals("this is not JSON", dead.get(0).value());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("not JSON"), header(dead.get(0),
                "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("saleId"));
        try (RecordsOnTopic answers = answers(accountId)) {
            JsonPath charged = JsonPath.from(answers.await(1, Duration.ofSeconds(60)).get(0).value());
            assertEquals("CHARGED", charged.getString("outcome"));
        }
    }

    @Test
    void a_readable_sale_with_a_wrong_field_is_rejected_naming_it() {
        String accountId = openAccount("100.00");

        publish(accountId, "{\"saleId\":\"pos-4\",\"accountId\":\"" + accountId + "\",\"amount\":\"10.001\"}");

        JsonPath rejected;
        try (RecordsOnTopic answers = answers(accountId)) {
            rejected = JsonPath.from(answers.await(1, Duration.ofSeconds(60)).get(0).value());
        }
        assertEquals("REJECTED", rejected.getString("outcome"));
        assertEquals("amount", rejected.getString("reason"));
        assertTrue(rejected.getString("detail").contains("decimals"), rejected.getString("detail"));
    }

    @Test
    void cloud_events_headers_name_the_sale_when_the_body_does_not() {
        String accountId = openAccount("100.00");
        ProducerRecord<String, String> record = new ProducerRecord<>("pos-sales", accountId,
                "{\"amount\":\"7.00\",\"registerId\":\"R9\"}");
        record.headers().add("ce_subject", "pos-5".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", "ce-corr-5".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "PosSale".getBytes(StandardCharsets.UTF_8));
        record.headers().add("authorization", ("Bearer " + REGISTER_R7).getBytes(StandardCharsets.UTF_8));

        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));

        JsonPath charged;
        try (RecordsOnTopic answers = answers(accountId)) {
            charged = JsonPath.from(answers.await(1, Duration.ofSeconds(60)).get(0).value());
        }
        assertEquals("CHARGED", charged.getString("outcome"));
        assertEquals("pos-5", charged.getString("saleId"));
        assertEquals("ce-corr-5", cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getString("metadata.correlationId[2]"));
    }

    @Test
    void a_sale_without_a_valid_token_or_for_another_stores_account_is_declined_dead_lettered_and_not_charged() {
        String accountId = openAccount("1000.00");
        String eastAccountId = openAccount(Tokens.of("MANAGER").stores("EAST").sign(), "1000.00");

        publish(accountId, sale("pos-6", accountId, "10.00"), null);
        publish(accountId, sale("pos-7", accountId, "10.00"), Tokens.of("CASHIER").register("R7").expired().sign());
        publish(accountId, sale("pos-8", accountId, "10.00"), Tokens.of("CASHIER").signedByStranger().sign());
        publish(accountId, sale("pos-9", accountId, "10.00"), Tokens.viewer());
        publish(eastAccountId, sale("pos-10", eastAccountId, "10.00"), REGISTER_R7);

        try (RecordsOnTopic answers = answers(accountId); RecordsOnTopic eastAnswers = answers(eastAccountId);
             RecordsOnTopic dlq = deadLetters(accountId, eastAccountId)) {
            List<ConsumerRecord<String, String>> declined = answers.await(4, Duration.ofSeconds(60));
            assertEquals(List.of("DECLINED", "DECLINED", "DECLINED", "DECLINED"),
                    declined.stream().map(r -> JsonPath.from(r.value()).getString("outcome")).toList());
            assertEquals(List.of("NO_VALID_TOKEN", "NO_VALID_TOKEN", "NO_VALID_TOKEN", "ROLE_MAY_NOT_CHARGE"),
                    declined.stream().map(r -> JsonPath.from(r.value()).getString("reason")).toList());
            assertEquals(List.of("pos-6", "pos-7", "pos-8", "pos-9"),
                    declined.stream().map(r -> JsonPath.from(r.value()).getString("saleId")).toList());
            JsonPath east = JsonPath.from(eastAnswers.await(1, Duration.ofSeconds(60)).get(0).value());
            assertEquals("DECLINED", east.getString("outcome"));
            assertEquals("ACCOUNT_NOT_FOUND", east.getString("reason"));
            assertNull(east.getString("available"), "nothing about another store's account is told");
            List<ConsumerRecord<String, String>> dead = dlq.await(5, Duration.ofSeconds(60));
            assertEquals(List.of("ACCOUNT_NOT_FOUND", "NO_VALID_TOKEN", "NO_VALID_TOKEN", "NO_VALID_TOKEN",
                            "ROLE_MAY_NOT_CHARGE"),
                    dead.stream().map(r -> header(r, "dead-letter-reason").split(":")[0]).sorted().toList());
            assertTrue(dead.stream().allMatch(r -> r.headers().lastHeader("authorization") == null),
                    "no register's token is kept on the dead-letter topic, where it could be replayed");
            cashier().get("/accounts/{id}", accountId).then().body("balance", equalTo("0.00"))
                    .body("version", equalTo(2));
            as(Tokens.of("CASHIER").stores("EAST").sign()).get("/accounts/{id}", eastAccountId).then()
                    .body("balance", equalTo("0.00")).body("version", equalTo(2));

            publish(accountId, sale("pos-6", accountId, "10.00"));
            JsonPath charged = JsonPath.from(answers.await(5, Duration.ofSeconds(60)).get(4).value());
            assertEquals("CHARGED", charged.getString("outcome"),
                    "the register's own sale is charged once it is signed");
        }
    }
}
