package dev.ardoise.account.api;

import dev.ardoise.account.MovableClock;
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
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.manager;
import static dev.ardoise.account.Register.openAccount;
import static dev.ardoise.account.Register.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The merchant's operations over HTTP, end to end on a real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountOperationsTest {

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** An event's actor as the history shows it (members that do not apply are null). */
    private static Map<String, String> actor(String role, String userId, String registerId, String storeId) {
        Map<String, String> actor = new HashMap<>();
        actor.put("role", role);
        actor.put("userId", userId);
        actor.put("registerId", registerId);
        actor.put("storeId", storeId);
        return actor;
    }

    private static String charged(String accountId, String saleId, String amount) {
        return charge(accountId, saleId, amount).statusCode(201).extract().path("invoiceId");
    }

    @Test
    void a_hold_lowers_available_for_every_register_and_its_capture_releases_it_whole() {
        String accountId = openAccount("1000.00");

        post(cashier(), accountId, "holds", Map.of("holdId", "h1", "amount", "500.00")).statusCode(201)
                .body("available", equalTo("500.00")).body("expiresAt", notNullValue()).body("version", equalTo(3));
        cashier().get("/accounts/{id}", accountId).then().body("held", equalTo("500.00"))
                .body("holds", hasSize(1)).body("available", equalTo("500.00"));
        charge(accountId, "other-register", "500.01").statusCode(422).body("available", equalTo("500.00"));
        post(cashier(), accountId, "holds", Map.of("holdId", "h1", "amount", "500.00")).statusCode(201)
                .header("Idempotent-Replayed", "true");

        post(cashier(), accountId, "charges", Map.of("saleId", "s1", "amount", "620.00", "holdId", "h1"))
                .statusCode(201).body("holdId", equalTo("h1")).body("available", equalTo("380.00"));
        cashier().get("/accounts/{id}", accountId).then().body("held", equalTo("0.00")).body("holds", hasSize(0));
    }

    @Test
    void a_voided_hold_gives_its_credit_back_and_a_lapsed_one_is_ended_by_the_system() {
        String accountId = openAccount("1000.00");
        post(cashier(), accountId, "holds", Map.of("holdId", "h1", "amount", "300.00")).statusCode(201);
        post(cashier(), accountId, "holds/h1/void", Map.of("reason", "paid by card")).statusCode(200)
                .body("state", equalTo("VOIDED")).body("available", equalTo("1000.00"));

        post(cashier(), accountId, "holds", Map.of("holdId", "h2", "amount", "200.00", "expiresInSeconds", 1))
                .statusCode(201).body("available", equalTo("800.00"));
        // Its second passes on the service's clock: the test waits only for the expiry job's next pass.
        clock.advance(Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cashier().get("/accounts/{id}/events", accountId)
                .then().body("type[-1]", equalTo("CreditHoldExpired")));
        JsonPath events = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath();
        assertEquals("SYSTEM", events.getString("metadata.actor.role[-1]"));
        assertEquals("hold-expiry", events.getString("metadata.actor.userId[-1]"));
        assertEquals("200.00", events.getString("data.amount[-1]"));
        cashier().get("/accounts/{id}", accountId).then().body("available", equalTo("1000.00"))
                .body("held", equalTo("0.00"));
    }

    @Test
    void payments_pay_the_oldest_first_and_an_overpayment_becomes_a_credit_note() {
        String accountId = openAccount("1000.00");
        String first = charged(accountId, "s1", "400.00");
        String second = charged(accountId, "s2", "300.00");

        post(cashier(), accountId, "payments", Map.of("paymentId", "p1", "amount", "450.00", "method", "CHEQUE",
                "reference", "cheque 42")).statusCode(201)
                .body("events[0].type", equalTo("PaymentReceived"))
                .body("events[0].data.allocations.invoiceId", equalTo(List.of(first, second)))
                .body("events[0].data.allocations.amount", equalTo(List.of("400.00", "50.00")))
                .body("balance", equalTo("-250.00")).body("available", equalTo("750.00"));
        post(cashier(), accountId, "payments", Map.of("paymentId", "p2", "amount", "300.00", "method", "CASH"))
                .statusCode(201)
                .body("events.type", equalTo(List.of("PaymentReceived", "CreditNoteIssued")))
                .body("events[1].data.amount", equalTo("50.00"))
                .body("balance", equalTo("0.00")).body("depositBalance", equalTo("50.00"));
        post(cashier(), accountId, "payments", Map.of("paymentId", "p2", "amount", "300.00", "method", "CASH"))
                .statusCode(201).header("Idempotent-Replayed", "true").body("events", hasSize(2));
        cashier().get("/accounts/{id}", accountId).then().body("version", equalTo(7));
    }

    @Test
    void deposits_pay_part_of_a_sale_at_the_till_and_outstanding_invoices_and_can_be_returned() {
        String accountId = openAccount("500.00");
        post(cashier(), accountId, "deposits", Map.of("depositId", "d1", "amount", "300.00",
                "purpose", "SPECIAL_ORDER", "reference", "order 4471")).statusCode(201);

        post(cashier(), accountId, "charges", Map.of("saleId", "s1", "amount", "250.00", "depositToApply", "100.00"))
                .statusCode(201).body("depositApplied", equalTo("100.00")).body("balance", equalTo("-150.00"))
                .body("depositBalance", equalTo("200.00")).body("available", equalTo("350.00"));
        post(cashier(), accountId, "deposit-applications", Map.of("applicationId", "a1", "amount", "150.00"))
                .statusCode(201).body("balance", equalTo("0.00")).body("depositBalance", equalTo("50.00"));
        post(manager(), accountId, "deposit-returns", Map.of("returnId", "r1", "amount", "50.00", "method", "CASH",
                "reason", "order cancelled")).statusCode(201).body("depositBalance", equalTo("0.00"));

        List<String> types = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getList("type");
        assertEquals(List.of("AccountOpened", "CreditLimitSet", "DepositAdded", "SaleCharged", "DepositApplied",
                "DepositApplied", "DepositReturned"), types);
    }

    @Test
    void a_sale_with_the_deposit_used_at_the_till_publishes_both_events_as_one_command() {
        String accountId = openAccount("500.00");
        post(cashier(), accountId, "deposits", Map.of("depositId", "d1", "amount", "300.00",
                "purpose", "SPECIAL_ORDER", "reference", "order 4471")).statusCode(201);
        post(cashier(), accountId, "charges", Map.of("saleId", "s1", "amount", "250.00", "depositToApply", "100.00"))
                .statusCode(201).body("depositApplied", equalTo("100.00"));

        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic published = RecordsOnTopic.of(kafka.getBootstrapServers(), "account-events", accountId)) {
            records = published.await(5, Duration.ofSeconds(30));
        }
        List<JsonPath> events = records.stream().map(record -> JsonPath.from(record.value())).toList();
        assertEquals(List.of("AccountOpened", "CreditLimitSet", "DepositAdded", "SaleCharged", "DepositApplied"),
                events.stream().map(event -> event.getString("type")).toList());
        assertEquals(Map.of("firstVersion", 3, "lastVersion", 3), events.get(2).getMap("metadata.command"));
        for (JsonPath ofTheSale : events.subList(3, 5)) {
            assertEquals(Map.of("firstVersion", 4, "lastVersion", 5), ofTheSale.getMap("metadata.command"),
                    ofTheSale.prettify());
        }
    }

    @Test
    void a_manager_refunds_adjusts_and_writes_off() {
        String accountId = openAccount("1000.00");
        String paint = charged(accountId, "s1", "400.00");
        String tools = charged(accountId, "s2", "300.00");
        post(cashier(), accountId, "payments", Map.of("paymentId", "p1", "amount", "300.00", "method", "CASH",
                "invoiceId", paint)).statusCode(201);

        post(manager(), accountId, "refunds", Map.of("refundId", "rf1", "invoiceId", paint, "amount", "250.00",
                "reasonCode", "RETURNED")).statusCode(201)
                .body("events.type", equalTo(List.of("SaleRefunded", "CreditNoteIssued")))
                .body("events[0].data.reducedOwed", equalTo("100.00"))
                .body("events[1].data.amount", equalTo("150.00"))
                .body("balance", equalTo("-300.00")).body("depositBalance", equalTo("150.00"));
        post(manager(), accountId, "adjustments", Map.of("adjustmentId", "adj1", "direction", "DEBIT",
                "amount", "15.00", "reasonCode", "FEE", "invoiceId", tools)).statusCode(201)
                .body("balance", equalTo("-315.00"));
        post(manager(), accountId, "adjustments", Map.of("adjustmentId", "adj2", "direction", "CREDIT",
                "amount", "15.00", "reasonCode", "GOODWILL")).statusCode(201).body("balance", equalTo("-300.00"));
        post(manager(), accountId, "write-offs", Map.of("writeOffId", "w1", "invoiceId", tools,
                "reasonCode", "UNCOLLECTABLE")).statusCode(201)
                .body("events[0].data.amount", equalTo("300.00")).body("balance", equalTo("0.00"))
                .body("available", equalTo("1000.00"));
        manager().body(Map.of("creditLimit", "200.00")).put("/accounts/{id}/credit-limit", accountId).then()
                .statusCode(200).body("creditLimit", equalTo("200.00")).body("version", equalTo(11));
    }

    @Test
    void customer_details_and_consent_are_recorded_with_who_and_when_and_only_when_they_change() {
        String accountId = openAccount("100.00");

        as(Tokens.of("MANAGER").user("manager-12").sign()).body(Map.of("name", "Marie Tremblay",
                "email", "marie.t@example.com", "language", "en")).put("/accounts/{id}/customer", accountId).then()
                .statusCode(200).body("email", equalTo("marie.t@example.com")).body("version", equalTo(3));
        as(Tokens.of("CASHIER").user("cashier-12").register("R3").sign()).body(Map.of("consent", false))
                .put("/accounts/{id}/email-consent", accountId).then()
                .statusCode(200).body("emailConsent", equalTo(false)).body("version", equalTo(4));
        cashier().body(Map.of("consent", false)).put("/accounts/{id}/email-consent", accountId).then()
                .statusCode(200).body("version", equalTo(4));

        JsonPath events = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath();
        assertEquals(List.of("AccountOpened", "CreditLimitSet", "CustomerDetailsChanged", "EmailConsentWithdrawn"),
                events.getList("type"));
        assertEquals(actor("MANAGER", "manager-12", null, "MAIN"), events.getMap("metadata.actor[2]"));
        assertEquals(actor("CASHIER", "cashier-12", "R3", "MAIN"), events.getMap("metadata.actor[3]"));
        assertEquals("marie.t@example.com", events.getString("data.email[3]"));
    }

    @Test
    void every_event_records_the_actor_from_the_token_and_the_correlation_id_in_the_store_and_on_the_topic() {
        String accountId = openAccount("100.00");
        String correlationId = UUID.randomUUID().toString();

        as(Tokens.of("CASHIER").user("cashier-7").register("R2").sign())
                .header("X-User-Id", "boss").header("X-Register-Id", "R9").header("X-Store-Id", "EAST")
                .header("X-Actor-Role", "MANAGER").header("X-Correlation-Id", correlationId)
                .body(Map.of("saleId", "s1", "amount", "10.00")).post("/accounts/{id}/charges", accountId).then()
                .statusCode(201).header("X-Correlation-Id", correlationId)
                .body("invoiceNumber", org.hamcrest.Matchers.startsWith("MAIN-")).body("storeId", equalTo("MAIN"));
        charge(accountId, "s2", "1.00").statusCode(201).header("X-Correlation-Id", notNullValue());

        JsonPath events = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath();
        assertEquals(actor("MANAGER", "boss", null, "MAIN"), events.getMap("metadata.actor[0]"));
        assertEquals(actor("CASHIER", "cashier-7", "R2", "MAIN"), events.getMap("metadata.actor[2]"));
        assertEquals("R2", events.getString("data.registerId[2]"));
        assertEquals(correlationId, events.getString("metadata.correlationId[2]"));
        assertEquals("cashier-test", events.getString("metadata.actor.userId[3]"));
        assertEquals("MAIN", events.getString("metadata.actor.storeId[3]"));

        List<ConsumerRecord<String, String>> records;
        try (RecordsOnTopic published = RecordsOnTopic.of(kafka.getBootstrapServers(), "account-events", accountId)) {
            records = published.await(4, Duration.ofSeconds(30));
        }
        JsonPath sale = JsonPath.from(records.get(2).value());
        assertEquals("cashier-7", sale.getString("metadata.actor.userId"));
        assertEquals("R2", sale.getString("metadata.actor.registerId"));
        assertEquals("MAIN", sale.getString("metadata.actor.storeId"));
        assertEquals(correlationId, sale.getString("metadata.correlationId"));
        assertEquals("MAIN", JsonPath.from(records.get(0).value()).getString("data.storeId"));
    }

    @Test
    void the_balance_as_of_a_past_instant_counts_only_what_occurred_by_then() {
        String accountId = openAccount("1000.00");
        charged(accountId, "s1", "400.00");
        String between = cashier().get("/accounts/{id}/events", accountId).then().extract().jsonPath()
                .getString("occurredAt[-1]");
        await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().isAfter(Instant.parse(between)));
        charged(accountId, "s2", "300.00");

        cashier().get("/accounts/{id}?asOf={asOf}", accountId, between).then().statusCode(200)
                .body("balance", equalTo("-400.00")).body("version", equalTo(3));
        cashier().get("/accounts/{id}", accountId).then().body("balance", equalTo("-700.00"));
        cashier().get("/accounts/{id}?asOf=2000-01-01T00:00:00Z", accountId).then().statusCode(404);
    }

    @Test
    void an_account_is_found_by_its_customer() {
        String customerId = "C-" + UUID.randomUUID();
        String accountId = cashier().body(Map.of("customerId", customerId,
                "name", "Jean", "language", "en", "currency", "CAD")).post("/accounts").then().statusCode(201)
                .extract().path("accountId");

        cashier().get("/accounts?customerId={c}", customerId).then().statusCode(200)
                .body("accountId", equalTo(accountId)).body("status", equalTo("OPEN"));
    }
}
