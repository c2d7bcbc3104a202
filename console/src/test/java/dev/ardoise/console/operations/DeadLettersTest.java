package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.testing.FromTheStart;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServiceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLettersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    KafkaCompanion kafka;

    @BeforeEach
    void topics() {
        TestTopics.ensure(kafka);
    }

    @Test
    void the_dead_letters_show_newest_first_with_why_their_writer_refused_them() {
        RecordMetadata sale = deadLetter(TestTopics.POS_SALES_DLQ, "{\"saleId\":\"R1-77\",\"amount\":\"12.00\"}",
                "NO_VALID_TOKEN: no bearer token in the record header authorization", "pos-sales");
        RecordMetadata event = deadLetter(TestTopics.INVOICE_DLQ, "{not json",
                "not JSON: the record is not an account event", "account-events");

        Document page = page();
        Element saleRow = row(page, sale);
        assertTrue(saleRow.select("td.reason").text().contains("NO_VALID_TOKEN: no bearer token"), saleRow.text());
        assertTrue(saleRow.text().contains("pos-sales / 0 / 41"), "where it came from: " + saleRow.text());
        assertEquals("false", saleRow.attr("data-handled"));
        assertEquals(1, saleRow.select("form.skip-dead-letter").size());
        assertTrue(page.select("section[data-topic=pos-sales.dlq] .note").text()
                .contains("The register must send the sale again"));
        assertTrue(row(page, event).select("pre.record").text().contains("{not json"));
        Element newest = page.select("section[data-topic=pos-sales.dlq] tr.dead-letter").first();
        assertEquals(Long.toString(sale.offset()), newest.attr("data-offset"), "newest first");
    }

    @Test
    void a_dead_letter_marked_handled_is_kept_on_the_compacted_topic_and_shown_handled() throws Exception {
        RecordMetadata sale = deadLetter(TestTopics.POS_SALES_DLQ, "{\"saleId\":\"R1-78\"}",
                "ROLE_MAY_NOT_CHARGE: only a CASHIER or a MANAGER token may charge a sale", "pos-sales");
        String session = Sessions.operator();
        Sessions.as(session).formParam("topic", sale.topic()).formParam("partition", sale.partition())
                .formParam("offset", sale.offset()).formParam("reason", "register R4's token renewed; resent")
                .post("/operations/dead-letters/skip").then().statusCode(303);

        String key = sale.topic() + "/" + sale.partition() + "/" + sale.offset();
        ConsumerTask<String, String> marks = kafka.consumeStrings().fromOffsets(
                FromTheStart.of(kafka, TestTopics.HANDLED, Duration.ofSeconds(10)),
                records -> records.filter(record -> key.equals(record.key())));
        try {
            marks.awaitRecords(1, Duration.ofSeconds(10));
            JsonNode mark = JSON.readTree(marks.getRecords().get(0).value());
            assertEquals("ops", mark.get("handledBy").asText());
            assertEquals("register R4's token renewed; resent", mark.get("reason").asText());
            assertEquals(sale.offset(), mark.get("offset").asLong());
        } finally {
            marks.stop();
        }

        Element row = row(page(), sale);
        assertEquals("true", row.attr("data-handled"));
        assertTrue(row.text().contains("Handled by ops"), row.text());
        assertTrue(row.select("form.skip-dead-letter").isEmpty());

        Sessions.as(session).formParam("topic", sale.topic()).formParam("partition", sale.partition())
                .formParam("offset", sale.offset()).formParam("reason", "again")
                .post("/operations/dead-letters/skip").then().statusCode(303)
                .header("Location", endsWith("/operations/dead-letters?handled="
                        + URLEncoder.encode(key, StandardCharsets.UTF_8)));
        Element again = row(page(), sale);
        assertTrue(again.text().contains("register R4's token renewed; resent"), "the first mark is kept");
        assertFalse(again.text().contains("again"), again.text());
    }

    @Test
    void a_mark_another_console_recorded_shows_here_too() {
        RecordMetadata event = deadLetter(TestTopics.NOTIFICATION_DLQ, "{}", "no event type", "account-events");
        String key = event.topic() + "/" + event.partition() + "/" + event.offset();
        kafka.produceStrings().fromRecords(List.of(new ProducerRecord<>(TestTopics.HANDLED, key,
                        "{\"topic\":\"" + event.topic() + "\",\"partition\":" + event.partition() + ",\"offset\":"
                                + event.offset() + ",\"handledBy\":\"zoe\",\"handledAt\":\"2026-12-01T10:00:00Z\","
                                + "\"reason\":\"replayed by hand\"}")))
                .awaitCompletion(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals("true", row(page(), event).attr("data-handled")));
        assertTrue(row(page(), event).text().contains("Handled by zoe"));
    }

    @Test
    void a_mark_without_a_reason_or_for_no_dead_letter_is_refused_naming_the_field() {
        RecordMetadata sale = deadLetter(TestTopics.POS_SALES_DLQ, "{}", "ACCOUNT_NOT_FOUND: no credit account",
                "pos-sales");
        String session = Sessions.operator();
        assertRefused(Sessions.as(session).formParam("topic", sale.topic()).formParam("partition", sale.partition())
                .formParam("offset", sale.offset()).formParam("reason", "  ")
                .post("/operations/dead-letters/skip").then().statusCode(400).extract().asString(), "reason");
        assertRefused(Sessions.as(session).formParam("topic", sale.topic()).formParam("partition", sale.partition())
                .formParam("offset", sale.offset() + 1000).formParam("reason", "done")
                .post("/operations/dead-letters/skip").then().statusCode(400).extract().asString(), "offset");
        assertRefused(Sessions.as(session).formParam("topic", "account-events").formParam("partition", 0)
                .formParam("offset", 0).formParam("reason", "done")
                .post("/operations/dead-letters/skip").then().statusCode(400).extract().asString(), "topic");
        assertRefused(Sessions.as(session).formParam("topic", sale.topic()).formParam("partition", "first")
                .formParam("offset", sale.offset()).formParam("reason", "done")
                .post("/operations/dead-letters/skip").then().statusCode(400).extract().asString(), "partition");
        assertRefused(Sessions.as(session).formParam("topic", sale.topic()).formParam("partition", sale.partition())
                .formParam("offset", sale.offset()).formParam("reason", "x".repeat(501))
                .post("/operations/dead-letters/skip").then().statusCode(400).extract().asString(), "reason");
        assertEquals("false", row(page(), sale).attr("data-handled"), "nothing was marked");
        Sessions.as(Sessions.of("anne")).formParam("topic", sale.topic()).formParam("partition", sale.partition())
                .formParam("offset", sale.offset()).formParam("reason", "done")
                .post("/operations/dead-letters/skip").then().statusCode(403);
    }

    private static void assertRefused(String html, String field) {
        Element refusal = Jsoup.parse(html).getElementById("refusal");
        assertEquals(field, refusal == null ? null : refusal.attr("data-field"), html);
    }

    /** A record as SmallRye's dead-letter strategy writes it: the value as read, the reason and origin in headers. */
    private RecordMetadata deadLetter(String topic, String value, String reason, String from) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, UUID.randomUUID().toString(), value);
        header(record, "dead-letter-reason", reason);
        header(record, "dead-letter-exception-class-name", "dev.ardoise.SomeRefusal");
        header(record, "dead-letter-topic", from);
        header(record, "dead-letter-partition", "0");
        header(record, "dead-letter-offset", "41");
        return kafka.produceStrings().fromRecords(List.of(record)).awaitCompletion(Duration.ofSeconds(10))
                .getLastRecord();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Document page() {
        return Jsoup.parse(Sessions.as(Sessions.operator()).get("/operations/dead-letters").then().statusCode(200)
                .extract().asString());
    }

    private static Element row(Document page, RecordMetadata record) {
        Element row = page.selectFirst("tr.dead-letter[data-topic=" + record.topic() + "][data-partition="
                + record.partition() + "][data-offset=" + record.offset() + "]");
        assertTrue(row != null, "no row for " + record + " in " + page.select("tr.dead-letter"));
        return row;
    }
}
