package dev.ardoise.account.pos;

import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.ardoise.account.Register.openAccount;
import static io.restassured.RestAssured.given;
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

    private void publish(String accountId, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("pos-sales", accountId, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private static String sale(String saleId, String accountId, String amount) {
        return """
                {"saleId":"%s","accountId":"%s","amount":"%s","storeId":"MAIN","registerId":"R7","userId":"cashier-3",
                 "correlationId":"corr-%s","lines":[{"description":"Paint 4 L","quantity":"2","unitPrice":"%s"}]}"""
                .formatted(saleId, accountId, amount, saleId, new java.math.BigDecimal(amount)
                        .divide(new java.math.BigDecimal("2")).toPlainString());
    }

    private ConsumerTask<String, String> answers(String accountId) {
        return kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics("pos-sale-results", records -> records.filter(r -> accountId.equals(r.key())));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_sale_published_twice_is_charged_once_and_answered_the_same_twice() {
        String accountId = openAccount("1000.00");
        ConsumerTask<String, String> answers = answers(accountId);

        publish(accountId, sale("pos-1", accountId, "120.00"));
        publish(accountId, sale("pos-1", accountId, "120.00"));

        List<ConsumerRecord<String, String>> records = answers.awaitRecords(2, Duration.ofSeconds(60)).getRecords();
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

        given().get("/accounts/{id}", accountId).then().body("balance", equalTo("-120.00"))
                .body("version", equalTo(3));
        JsonPath events = given().get("/accounts/{id}/events", accountId).then().extract().jsonPath();
        assertEquals("R7", events.getString("metadata.actor.registerId[2]"));
        assertEquals("cashier-3", events.getString("metadata.actor.userId[2]"));
        assertEquals("corr-pos-1", events.getString("metadata.correlationId[2]"));
        assertEquals("120.00", events.getString("data.lines[2][0].amount"));
    }

    @Test
    void a_declined_sale_says_why_and_what_is_available_and_is_declined_again_the_same_way() {
        String accountId = openAccount("100.00");
        ConsumerTask<String, String> answers = answers(accountId);

        publish(accountId, sale("pos-2", accountId, "150.00"));
        answers.awaitRecords(1, Duration.ofSeconds(60));
        given().contentType("application/json").body(java.util.Map.of("creditLimit", "500.00"))
                .header("X-Actor-Role", "MANAGER").put("/accounts/{id}/credit-limit", accountId).then()
                .statusCode(200);
        publish(accountId, sale("pos-2", accountId, "150.00"));

        List<ConsumerRecord<String, String>> records = answers.awaitRecords(2, Duration.ofSeconds(60)).getRecords();
        JsonPath declined = JsonPath.from(records.get(0).value());
        assertEquals("DECLINED", declined.getString("outcome"));
        assertEquals("OVER_AVAILABLE", declined.getString("reason"));
        assertEquals("100.00", declined.getString("available"));
        assertNull(declined.getString("invoiceId"));
        assertTrue(!records.get(0).value().contains("invoiceId"), "absent members are left out");
        assertEquals("PosSaleDeclined", header(records.get(0), "ce_type"));
        assertEquals(records.get(0).value(), records.get(1).value());
        given().get("/accounts/{id}", accountId).then().body("balance", equalTo("0.00"));
    }

    @Test
    void an_unreadable_message_goes_to_the_dead_letter_topic_and_the_next_sale_is_still_charged() {
        String accountId = openAccount("100.00");
        ConsumerTask<String, String> dlq = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics("pos-sales.dlq", records -> records.filter(r -> accountId.equals(r.key())));
        ConsumerTask<String, String> answers = answers(accountId);

        publish(accountId, "this is not JSON");
        publish(accountId, "{\"accountId\":\"" + accountId + "\",\"amount\":\"5.00\"}");
        publish(accountId, sale("pos-3", accountId, "10.00"));

        List<ConsumerRecord<String, String>> dead = dlq.awaitRecords(2, Duration.ofSeconds(60)).getRecords();
        assertEquals("this is not JSON", dead.get(0).value());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("not JSON"), header(dead.get(0),
                "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("saleId"));
        JsonPath charged = JsonPath.from(answers.awaitRecords(1, Duration.ofSeconds(60)).getRecords().get(0).value());
        assertEquals("CHARGED", charged.getString("outcome"));
    }

    @Test
    void a_readable_sale_with_a_wrong_field_is_rejected_naming_it() {
        String accountId = openAccount("100.00");
        ConsumerTask<String, String> answers = answers(accountId);

        publish(accountId, "{\"saleId\":\"pos-4\",\"accountId\":\"" + accountId + "\",\"amount\":\"10.001\"}");

        JsonPath rejected = JsonPath.from(answers.awaitRecords(1, Duration.ofSeconds(60)).getRecords().get(0)
                .value());
        assertEquals("REJECTED", rejected.getString("outcome"));
        assertEquals("amount", rejected.getString("reason"));
        assertTrue(rejected.getString("detail").contains("decimals"), rejected.getString("detail"));
    }

    @Test
    void cloud_events_headers_name_the_sale_when_the_body_does_not() {
        String accountId = openAccount("100.00");
        ConsumerTask<String, String> answers = answers(accountId);
        ProducerRecord<String, String> record = new ProducerRecord<>("pos-sales", accountId,
                "{\"amount\":\"7.00\",\"registerId\":\"R9\"}");
        record.headers().add("ce_subject", "pos-5".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", "ce-corr-5".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "PosSale".getBytes(StandardCharsets.UTF_8));

        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));

        JsonPath charged = JsonPath.from(answers.awaitRecords(1, Duration.ofSeconds(60)).getRecords().get(0).value());
        assertEquals("CHARGED", charged.getString("outcome"));
        assertEquals("pos-5", charged.getString("saleId"));
        assertEquals("ce-corr-5", given().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getString("metadata.correlationId[2]"));
    }
}
