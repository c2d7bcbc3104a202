package dev.ardoise.account.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ardoise.account.Hostile;
import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import dev.ardoise.account.pos.PosMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.manager;
import static dev.ardoise.account.Register.openAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated requests of {@code CommandPropertiesTest} and {@code PosSalePropertiesTest}, a sample of each over the
 * real edges, in about ten seconds: 30 charges and 4 bodies for each of the 16 other command endpoints over HTTP (94
 * bodies, each accepted one sent twice), 20 POS messages through {@code pos-sales}. Never a 5xx; every refusal a
 * problem+json (a 400 naming its field) that leaves the account's version as it was; an accepted command recorded
 * once (sent again: replayed, version unchanged). The bulk (11,300 generated requests) runs against the request
 * records and the domain in the two property classes; a failure here names the body it sent.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GeneratedRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Map<String, List<String>> ENDPOINTS = endpoints();

    @InjectKafka
    KafkaCompanion kafka;

    private static Map<String, List<String>> endpoints() {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("POST holds", List.of("holdId", "amount", "expiresInSeconds"));
        endpoints.put("POST holds/h1/void", List.of("reason"));
        endpoints.put("POST overrides", List.of("overrideId", "amount", "reasonCode", "note", "expiresInSeconds"));
        endpoints.put("POST deposits", List.of("depositId", "amount", "purpose", "reference"));
        endpoints.put("POST deposit-applications", List.of("applicationId", "amount", "invoiceId"));
        endpoints.put("POST deposit-returns", List.of("returnId", "amount", "method", "reason"));
        endpoints.put("POST payments", List.of("paymentId", "amount", "method", "reference", "invoiceId"));
        endpoints.put("POST refunds", List.of("refundId", "invoiceId", "amount", "reasonCode"));
        endpoints.put("POST adjustments", List.of("adjustmentId", "direction", "amount", "reasonCode", "note", "invoiceId"));
        endpoints.put("POST write-offs", List.of("writeOffId", "invoiceId", "reasonCode", "note"));
        endpoints.put("PUT customer", List.of("name", "email", "language"));
        endpoints.put("PUT email-consent", List.of("consent"));
        endpoints.put("PUT credit-limit", List.of("creditLimit"));
        endpoints.put("POST suspension", List.of("reason"));
        endpoints.put("POST closure", List.of("reason"));
        endpoints.put("POST ", List.of("customerId", "name", "email", "emailConsent", "language", "currency",
                "creditLimit", "storeId"));
        return endpoints;
    }

    /** Any JSON value a field may be sent: a hostile string, an amount as a string or a number, another type. */
    private static Object anyValue(Hostile hostile) {
        return switch (hostile.pick(4, 3, 1, 1, 1, 1)) {
            case 0 -> hostile.text(100);
            case 1 -> Objects.toString(hostile.amount(), null);
            case 2 -> hostile.amount();
            case 3 -> hostile.oneOf("CASH", "CREDIT", "DEBIT", "LAYAWAY", "fr-CA", "CAD", "XAU", "h1", "inv-1");
            case 4 -> hostile.oneOf(true, 0, -1, Long.MAX_VALUE, 1e308, List.of(), Map.of("a", 1));
            default -> hostile.seconds();
        };
    }

    private static int version(String accountId) {
        return cashier().get("/accounts/{id}", accountId).then().statusCode(200).extract().path("version");
    }

    /**
     * Sends the body to an account last seen at version {@code before}; answers its version after. No 5xx; a refusal
     * is a problem (naming the field on a 400) and leaves the version as it was; an accepted change sent again is
     * not recorded again.
     */
    private static int send(RequestSpecification who, String method, String path, String body, String accountId,
                            int before) {
        Response response = who.body(body).request(method, path);
        int status = response.statusCode();
        assertTrue(status < 500, () -> method + " " + path + " " + body + " answered " + response.asString());
        if (status >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0], body);
            if (status == 400) {
                assertNotNull(response.path("field"), () -> response.asString());
            }
            assertEquals(before, version(accountId), () -> "a refusal changed the account: " + body);
            return before;
        }
        if (path.equals("/accounts")) {
            assertEquals(200, who.body(body).request(method, path).statusCode(), () -> "opened twice: " + body);
            return before;
        }
        int after = version(accountId);
        if (status == 201) {
            boolean replayed = "true".equals(response.header("Idempotent-Replayed"));
            assertTrue(replayed ? after == before : after > before, body);
            Response again = who.body(body).request(method, path);
            assertEquals("true", again.header("Idempotent-Replayed"), () -> body + " sent again: " + again.asString());
        } else {
            who.body(body).request(method, path).then().statusCode(200);
        }
        assertEquals(after, version(accountId), () -> "recorded twice: " + body);
        return after;
    }

    @Test
    void generated_charges_over_http() throws Exception {
        Hostile hostile = new Hostile();
        String accountId = openAccount("5000.00");
        int version = version(accountId);
        for (int i = 0; i < 30; i++) {
            String charge = JSON.writeValueAsString(CommandPropertiesTest.chargeRequest(hostile));
            version = send(cashier(), "POST", "/accounts/" + accountId + "/charges", charge, accountId, version);
        }
    }

    @Test
    void generated_bodies_for_every_other_command_endpoint() throws Exception {
        Hostile hostile = new Hostile();
        String accountId = openAccount("5000.00");
        cashier().body(Map.of("saleId", "s0", "amount", "400.00")).post("/accounts/{id}/charges", accountId)
                .then().statusCode(201);
        int version = version(accountId);
        for (var endpoint : ENDPOINTS.entrySet()) {
            String[] methodAndPath = endpoint.getKey().split(" ", 2);
            String path = methodAndPath[1].isEmpty() ? "/accounts" : "/accounts/" + accountId + "/" + methodAndPath[1];
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = new LinkedHashMap<>();
                for (String field : endpoint.getValue()) {
                    body.put(field, anyValue(hostile));
                }
                version = send(manager(), methodAndPath[0], path, JSON.writeValueAsString(body), accountId, version);
            }
        }
    }

    @Test
    void generated_pos_messages_through_the_topic_then_a_good_sale_is_still_charged() {
        String accountId = openAccount("5000.00");
        String register = Tokens.of("CASHIER").user("cashier-9").register("R9").sign();
        PosMessages generated = new PosMessages(new Hostile(), LocalDate.now());
        List<String> messages = Stream.generate(generated::next).limit(20).toList();
        String good = "{\"saleId\":\"good-1\",\"amount\":\"12.00\"}";
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String message : Stream.concat(messages.stream(), Stream.of(good)).toList()) {
            ProducerRecord<String, String> record = new ProducerRecord<>("pos-sales", accountId, message);
            record.headers().add("authorization", ("Bearer " + register).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        try (RecordsOnTopic answers = RecordsOnTopic.of(kafka.getBootstrapServers(), "pos-sale-results", accountId)) {
            answers.await(1, Duration.ofSeconds(60));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> answers.toEnd().stream().anyMatch(r -> r.value().contains("\"good-1\"")));
            List<ConsumerRecord<String, String>> answered = answers.toEnd();
            for (ConsumerRecord<String, String> answer : answered) {
                assertTrue(Set.of("CHARGED", "DECLINED", "REJECTED").contains(JsonPath.from(answer.value())
                        .getString("outcome")), answer.value());
            }
            JsonPath last = JsonPath.from(answered.stream().filter(r -> r.value().contains("\"good-1\"")).findFirst()
                    .orElseThrow().value());
            assertEquals("CHARGED", last.getString("outcome"));
            long charged = answered.stream().filter(r -> r.value().contains("\"CHARGED\"")).map(r -> JsonPath.from(
                    r.value()).getString("saleId")).distinct().count();
            // one SaleCharged per charged sale, nothing for the others
            assertEquals(2 + charged, version(accountId));
        }
    }
}
