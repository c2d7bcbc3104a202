package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker lets each principal do only its part (docs/security.md), and a register's sale is only as good as
 * the token it carries: without one, or for another store's account, it is declined, dead-lettered, not charged.
 */
@ExtendWith(Ardoise.class)
class KafkaLocksIT {
    /** Whatever the broker answers, a refusal or the data, it answers well within this. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(30);
    /**
     * A SASL listener never answers a client that does not log in: it is refused by silence, and the test must
     * wait to see it. 3 s is the smallest wait that proves it, as the test first shows a logged-in client getting
     * its answer within the same time from the same broker (well under a second, even on a busy machine).
     */
    private static final Duration SILENT_FOR = Duration.ofSeconds(3);

    @Test
    void a_client_that_does_not_log_in_or_gives_a_wrong_password_can_neither_produce_nor_fetch() {
        // the broker is up and answers a client that logs in within SILENT_FOR: silence that long is a refusal
        try (KafkaConsumer<String, String> register = PosRegister.reader("register")) {
            assertFalse(register.partitionsFor("pos-sale-results", SILENT_FOR).isEmpty());
        }
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Ardoise.settings().kafkaBootstrap()));
        assertRefused(anonymous, TimeoutException.class, SILENT_FOR);

        Map<String, Object> wrongPassword = new HashMap<>(Ardoise.kafka("register"));
        wrongPassword.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"register\" password=\"guessed\";");
        assertRefused(wrongPassword, SaslAuthenticationException.class, ANSWERED_WITHIN);
    }

    @Test
    void a_register_may_sell_on_pos_sales_but_cannot_write_or_read_account_events() {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> produce(Ardoise.kafka("register"),
                ANSWERED_WITHIN, "account-events", UUID.randomUUID().toString(), "{\"type\":\"SaleCharged\"}"));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());

        try (KafkaConsumer<String, String> reader = PosRegister.reader("register")) {
            assertThrows(TopicAuthorizationException.class,
                    () -> reader.partitionsFor("account-events", ANSWERED_WITHIN));
            assertFalse(reader.partitionsFor("pos-sale-results", ANSWERED_WITHIN).isEmpty());
        }
    }

    @Test
    void a_register_may_keep_its_place_on_the_answers_in_a_group_of_its_own_and_in_no_other() {
        TopicPartition answers = new TopicPartition("pos-sale-results", 0);
        // committing an offset needs READ on the group, as joining it does, without waiting for a group to form
        try (KafkaConsumer<String, String> ownGroup = PosRegister.reader("register", "register-" + UUID.randomUUID())) {
            ownGroup.commitSync(Map.of(answers, new OffsetAndMetadata(0)), ANSWERED_WITHIN);
            assertEquals(0, ownGroup.committed(Set.of(answers), ANSWERED_WITHIN).get(answers).offset());
        }
        try (KafkaConsumer<String, String> servicesGroup = PosRegister.reader("register", "account-service")) {
            assertThrows(GroupAuthorizationException.class,
                    () -> servicesGroup.commitSync(Map.of(answers, new OffsetAndMetadata(0)), ANSWERED_WITHIN));
        }
    }

    @Test
    void the_console_reads_the_feed_the_answers_and_the_dead_letters_and_the_readers_lag_but_writes_no_event()
            throws Exception {
        try (KafkaConsumer<String, String> console = PosRegister.reader("console")) {
            for (String topic : List.of("account-events", "pos-sale-results", "pos-sales.dlq",
                    "account-events.invoice-service.dlq", "account-events.notification-service.dlq",
                    "dead-letters.handled")) {
                assertFalse(console.partitionsFor(topic, ANSWERED_WITHIN).isEmpty(), topic);
            }
            assertThrows(TopicAuthorizationException.class, () -> console.partitionsFor("pos-sales", ANSWERED_WITHIN));
        }
        ExecutionException refused = assertThrows(ExecutionException.class, () -> produce(Ardoise.kafka("console"),
                ANSWERED_WITHIN, "account-events", UUID.randomUUID().toString(), "{\"type\":\"SaleCharged\"}"));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());

        // the readers' committed offsets (their lag), which it may describe and not change; an event to commit
        openAccountWithLimit(Ardoise.tokens().manager());
        try (Admin admin = Admin.create(Ardoise.kafka("console"))) {
            await().atMost(ANSWERED_WITHIN).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("invoice-service")
                        .partitionsToOffsetAndMetadata().get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);
                assertTrue(committed.keySet().stream().anyMatch(partition -> partition.topic()
                        .equals("account-events")), committed.toString());
            });
        }
        try (KafkaConsumer<String, String> readersGroup = PosRegister.reader("console", "invoice-service")) {
            assertThrows(GroupAuthorizationException.class, () -> readersGroup.commitSync(
                    Map.of(new TopicPartition("account-events", 0), new OffsetAndMetadata(0)), ANSWERED_WITHIN));
        }
    }

    @Test
    void a_pos_sale_without_a_token_is_declined_dead_lettered_and_not_charged() throws Exception {
        String manager = Ardoise.tokens().of("MANAGER").sign();
        String account = openAccountWithLimit(manager);
        String saleId = "POS-" + UUID.randomUUID();

        Map<String, Object> answer = PosRegister.sell(account, saleId, sale(saleId, account), null);

        assertEquals("DECLINED", answer.get("outcome"), answer.toString());
        assertEquals("NO_VALID_TOKEN", answer.get("reason"), answer.toString());
        assertDeadLettered(saleId);
        assertNothingCharged(account, manager);
    }

    @Test
    void a_pos_sale_with_a_valid_cashier_token_for_another_stores_account_is_declined_dead_lettered_and_not_charged()
            throws Exception {
        String otherManager = Ardoise.tokens().of("MANAGER").stores("OTHER").sign();
        String otherStoresAccount = openAccountWithLimit(otherManager);
        String mainRegister = Ardoise.tokens().of("CASHIER").user("lea").register("R1").sign();
        String saleId = "POS-" + UUID.randomUUID();

        Map<String, Object> answer = PosRegister.sell(otherStoresAccount, saleId, sale(saleId, otherStoresAccount),
                mainRegister);

        assertEquals("DECLINED", answer.get("outcome"), answer.toString());
        assertEquals("ACCOUNT_NOT_FOUND", answer.get("reason"), answer.toString());
        assertDeadLettered(saleId);
        assertNothingCharged(otherStoresAccount, otherManager);
    }

    private static String sale(String saleId, String account) {
        return """
                {"saleId":"%s","accountId":"%s","amount":"25.00"}""".formatted(saleId, account);
    }

    /** Neither its producer nor its consumer gets through; both try at the same time, so a silence costs one wait. */
    private static void assertRefused(Map<String, Object> client, Class<? extends Exception> refusal, Duration within) {
        CompletableFuture<Throwable> producing = CompletableFuture.supplyAsync(() -> assertThrows(
                ExecutionException.class, () -> produce(client, within, "pos-sales", "k", "{}")));

        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(client, new StringDeserializer(),
                new StringDeserializer())) {
            assertThrows(refusal, () -> reader.partitionsFor("pos-sale-results", within));
        }
        Throwable notProduced = producing.join();
        assertInstanceOf(refusal, notProduced.getCause(), notProduced.toString());
    }

    private static void produce(Map<String, Object> client, Duration within, String topic, String key, String value)
            throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) within.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) within.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) within.toMillis() / 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /**
     * The sale is on pos-sales.dlq, read as the stack's admin (operators read the dead letters) from the start of
     * each partition, in no group: the record is awaited, not a group.
     */
    private static void assertDeadLettered(String saleId) {
        try (KafkaConsumer<String, String> deadLetters = PosRegister.reader("admin")) {
            List<TopicPartition> partitions = deadLetters.partitionsFor("pos-sales.dlq", ANSWERED_WITHIN).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            deadLetters.assign(partitions);
            deadLetters.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(saleId)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError(saleId + " not on pos-sales.dlq within 60 s");
    }

    private static void assertNothingCharged(String account, String tokenOfItsStore) {
        given().auth().oauth2(tokenOfItsStore).get(accounts() + "/accounts/{id}", account).then().statusCode(200)
                .body("balance", equalTo("0.00"))
                .body("available", equalTo("1000.00"));
        given().auth().oauth2(tokenOfItsStore).get(accounts() + "/accounts/{id}/events", account).then()
                .statusCode(200).body("type", not(hasItem("SaleCharged")));
    }

    private static String openAccountWithLimit(String manager) {
        return given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Customer", "emailConsent", false,
                        "language", "en", "currency", "CAD", "creditLimit", "1000.00"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
    }
}
