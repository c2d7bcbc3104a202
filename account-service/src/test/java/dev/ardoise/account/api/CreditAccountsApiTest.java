package dev.ardoise.account.api;

import dev.ardoise.account.RecordsOnTopic;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.openAccount;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CreditAccountsApiTest {

    @InjectKafka
    KafkaCompanion kafka;

    private static ValidatableResponse deposit(String accountId, String depositId, String amount) {
        return cashier()
                .body(Map.of("depositId", depositId, "amount", amount, "purpose", "LAYAWAY"))
                .post("/accounts/{id}/deposits", accountId)
                .then();
    }

    @Test
    void the_merchants_worked_example_and_a_declined_charge_that_names_the_available_amount() {
        String accountId = openAccount("1000.00");
        charge(accountId, "sale-1", "400.00").statusCode(201).body("amount", equalTo("400.00"));
        charge(accountId, "sale-2", "300.00").statusCode(201);
        deposit(accountId, "dep-1", "200.00").statusCode(201).body("depositBalance", equalTo("200.00"));

        cashier().get("/accounts/{id}", accountId).then().statusCode(200)
                .body("creditLimit", equalTo("1000.00"))
                .body("balance", equalTo("-700.00"))
                .body("depositBalance", equalTo("200.00"))
                .body("available", equalTo("300.00"))
                .body("version", equalTo(5));

        charge(accountId, "sale-3", "300.01").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardoise.dev/problems/charge-declined"))
                .body("reason", equalTo("OVER_AVAILABLE"))
                .body("available", equalTo("300.00"));
        cashier().get("/accounts/{id}", accountId).then().body("version", equalTo(5));
    }

    @Test
    void a_charge_becomes_an_invoice_with_a_store_number_and_a_due_date() {
        String accountId = openAccount("500.00");

        charge(accountId, "sale-1", "120.50").statusCode(201)
                .body("invoiceNumber", startsWith("MAIN-"))
                .body("terms", equalTo("NET_30"))
                .body("balance", equalTo("-120.50"))
                .body("available", equalTo("379.50"));
    }

    @Test
    void the_same_sale_sent_twice_is_charged_once_and_answers_the_first_invoice() {
        String accountId = openAccount("1000.00");
        String first = charge(accountId, "sale-1", "250.00").statusCode(201)
                .header(AccountResource.REPLAYED, "false").extract().path("invoiceId");

        charge(accountId, "sale-1", "250.00").statusCode(201)
                .header(AccountResource.REPLAYED, "true")
                .body("invoiceId", equalTo(first))
                .body("balance", equalTo("-250.00"));

        List<String> types = cashier().get("/accounts/{id}/events", accountId).then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertEquals(List.of("AccountOpened", "CreditLimitSet", "SaleCharged"), types);
    }

    @Test
    void the_same_sale_id_for_another_amount_is_a_conflict() {
        String accountId = openAccount("1000.00");
        charge(accountId, "sale-1", "250.00").statusCode(201);

        charge(accountId, "sale-1", "260.00").statusCode(409)
                .contentType("application/problem+json")
                .body("key", equalTo("sale-1"));
    }

    @Test
    void opening_twice_for_one_customer_answers_the_first_account() {
        Map<String, Object> request = Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Jean Roy",
                "language", "en", "currency", "CAD");
        String first = cashier().body(request).post("/accounts")
                .then().statusCode(201).extract().path("accountId");

        cashier().body(request).post("/accounts")
                .then().statusCode(200).body("accountId", equalTo(first));
    }

    @Test
    void opening_again_with_other_details_is_refused_naming_each_and_changes_nothing() {
        String customerId = "C-" + UUID.randomUUID();
        String first = cashier().body(Map.of("customerId", customerId, "name", "Jean Roy", "language", "en",
                "currency", "CAD")).post("/accounts").then().statusCode(201).extract().path("accountId");

        cashier().body(Map.of("customerId", customerId, "name", "Jean Roy", "language", "fr-CA", "currency", "USD"))
                .post("/accounts").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardoise.dev/problems/account-already-open"))
                .body("accountId", equalTo(first))
                .body("fields", contains("language", "currency"))
                .body("detail", containsString("language, currency"));

        cashier().get("/accounts/{id}", first).then().statusCode(200)
                .body("currency", equalTo("CAD")).body("language", equalTo("en")).body("version", equalTo(1));
    }

    @Test
    void an_account_without_a_limit_declines_every_charge() {
        String accountId = cashier()
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Jean Roy", "language", "en",
                        "currency", "CAD"))
                .post("/accounts").then().statusCode(201).extract().path("accountId");

        charge(accountId, "sale-1", "1.00").statusCode(422)
                .body("reason", equalTo("NO_CREDIT_LIMIT"))
                .body("available", equalTo("0.00"));
    }

    @Test
    void the_events_reach_the_topic_in_order_with_cloud_events_headers() {
        String accountId = openAccount("1000.00");
        charge(accountId, "sale-1", "400.00").statusCode(201);
        deposit(accountId, "dep-1", "200.00").statusCode(201);

        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic published = RecordsOnTopic.of(kafka.getBootstrapServers(), "account-events", accountId)) {
            records = published.await(4, Duration.ofSeconds(30));
        }

        assertEquals(List.of("AccountOpened", "CreditLimitSet", "SaleCharged", "DepositAdded"),
                records.stream().map(r -> header(r, "ce_type")).toList());
        ConsumerRecord<String, String> sale = records.get(2);
        assertEquals(accountId, header(sale, "ce_subject"));
        assertEquals("1.0", header(sale, "ce_specversion"));
        assertEquals("/ardoise/account-service", header(sale, "ce_source"));
        assertEquals("application/json", header(sale, "content-type"));
        io.restassured.path.json.JsonPath body = io.restassured.path.json.JsonPath.from(sale.value());
        assertEquals(header(sale, "ce_id"), body.getString("eventId"));
        assertEquals(3, body.getInt("version"));
        assertEquals("400.00", body.getString("data.amount"));
    }

    @Test
    void bad_input_is_a_problem_that_names_the_field_and_changes_nothing() {
        String accountId = openAccount("1000.00");

        cashier().body(Map.of("amount", "10.00"))
                .post("/accounts/{id}/charges", accountId).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("saleId"));
        charge(accountId, "sale-1", "ten dollars").statusCode(400).body("field", equalTo("amount"));
        charge(accountId, "sale-1", "10.001").statusCode(400).body("field", equalTo("amount"));
        charge(accountId, "sale-1", "-5.00").statusCode(400).body("field", equalTo("amount"));
        charge(accountId, "sale-1", "1e999999999").statusCode(400).body("field", equalTo("amount"));
        cashier().body("{\"saleId\": ").post("/accounts/{id}/charges", accountId)
                .then().statusCode(400).contentType("application/problem+json");
        cashier()
                .body(Map.of("customerId", "C-x", "name", "X", "language", "en", "currency", "EURO"))
                .post("/accounts").then().statusCode(400).body("field", equalTo("currency"));
        cashier()
                .body(Map.of("customerId", "C-y", "name", "Y", "language", "en", "currency", "CAD",
                        "email", "not-an-address"))
                .post("/accounts").then().statusCode(400).body("field", equalTo("email"));
        cashier()
                .body(Map.of("customerId", "C-z", "name", "Z\u0000", "language", "en", "currency", "CAD"))
                .post("/accounts").then().statusCode(400).body("field", equalTo("name"));

        cashier().get("/accounts/{id}", accountId).then().body("version", equalTo(2)).body("balance", equalTo("0.00"));
    }

    @Test
    void an_unknown_account_is_a_404_problem() {
        cashier().get("/accounts/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        charge(UUID.randomUUID().toString(), "sale-1", "1.00").statusCode(404)
                .contentType("application/problem+json");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
