package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServiceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    KafkaCompanion kafka;

    @BeforeEach
    void topics() {
        TestTopics.ensure(kafka);
    }

    @Test
    void a_charge_published_as_the_relay_would_reaches_the_operator_following_its_account_within_a_second()
            throws IOException {
        UUID account = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (FeedListener feed = FeedListener.follow(Sessions.operator(), "?account=" + account + "&type=SaleCharged")
                .awaitReading()) {
            Instant published = Instant.now();
            publish(RelayRecords.cashierOf("MAIN", account, 1, opened("MAIN")),
                    RelayRecords.cashierOf("MAIN", other, 1, opened("MAIN")),
                    RelayRecords.cashierOf("MAIN", other, 2, charged("MAIN", "99.00")),
                    RelayRecords.cashierOf("MAIN", account, 2, charged("MAIN", "1120.50")));

            await().atMost(Duration.ofSeconds(1)).until(() -> !feed.named("account-event").isEmpty());
            List<JsonNode> events = events(feed);
            assertEquals(1, events.size(), events.toString());
            JsonNode charge = events.get(0);
            assertEquals("SaleCharged", charge.get("type").asText());
            assertEquals(account.toString(), charge.get("accountId").asText());
            assertEquals("MAIN", charge.get("storeId").asText());
            assertEquals("1120.50", charge.get("amount").asText());
            assertEquals(2, charge.get("version").asLong());
            assertFalse(Instant.parse(charge.get("publishedAt").asText()).isBefore(published.minusSeconds(1)));
        }
    }

    @Test
    void a_record_that_is_not_an_event_is_passed_and_the_feed_goes_on() throws IOException {
        UUID account = UUID.randomUUID();
        try (FeedListener feed = FeedListener.follow(Sessions.operator(), "?account=" + account).awaitReading()) {
            ProducerRecord<String, String> garbage = AccountStream.record(account.toString(), "{not json",
                    "SaleCharged", UUID.randomUUID());
            ProducerRecord<String, String> noType = AccountStream.record(account.toString(),
                    "{\"accountId\":\"" + account + "\"}", "SaleCharged", UUID.randomUUID());
            noType.headers().remove("ce_type");
            publish(garbage, noType, RelayRecords.cashierOf("MAIN", account, 1, opened("MAIN")));

            await().atMost(Duration.ofSeconds(5)).until(() -> !feed.named("account-event").isEmpty());
            assertEquals(List.of("AccountOpened"), events(feed).stream().map(event -> event.get("type").asText())
                    .toList());
        }
    }

    @Test
    void an_event_the_system_appends_shows_under_the_store_its_account_was_seen_in() throws IOException {
        UUID account = UUID.randomUUID();
        String store = "EAST-" + account.toString().substring(0, 8);
        try (FeedListener feed = FeedListener.follow(Sessions.operator(), "?store=" + store).awaitReading()) {
            publish(RelayRecords.cashierOf(store, account, 1, opened(store)),
                    RelayRecords.cashierOf(store, account, 2, new CreditHoldPlaced("H-1", new BigDecimal("50.00"),
                            Instant.now().plusSeconds(900), store, "R1")),
                    RelayRecords.system(account, 3, new CreditHoldExpired("H-1", new BigDecimal("50.00"))));

            await().atMost(Duration.ofSeconds(5)).until(() -> feed.named("account-event").size() == 3);
            JsonNode expired = events(feed).get(2);
            assertEquals("CreditHoldExpired", expired.get("type").asText());
            assertEquals(store, expired.get("storeId").asText());
            assertEquals("50.00", expired.get("amount").asText());
        }
    }

    @Test
    void a_browser_that_connects_late_still_gets_the_latest_events_it_asked_for() throws IOException {
        UUID account = UUID.randomUUID();
        try (FeedListener first = FeedListener.follow(Sessions.operator(), "?account=" + account).awaitReading()) {
            publish(RelayRecords.cashierOf("MAIN", account, 1, opened("MAIN")));
            await().atMost(Duration.ofSeconds(5)).until(() -> !first.named("account-event").isEmpty());
        }
        try (FeedListener late = FeedListener.follow(Sessions.operator(), "?account=" + account)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !late.named("account-event").isEmpty());
            assertEquals(account.toString(), events(late).get(0).get("accountId").asText());
        }
    }

    @Test
    void a_filter_the_feed_cannot_use_is_refused_naming_the_field() {
        Sessions.as(Sessions.operator()).get("/operations/feed?account=marie").then().statusCode(400)
                .body(containsString("account"));
        Sessions.as(Sessions.operator()).get("/operations?store=a%20b").then().statusCode(400)
                .body(containsString("data-field=\"store\""));
    }

    @Test
    void only_an_operator_sees_the_dashboard_and_its_feed() throws IOException {
        String manager = Sessions.of("anne");
        Sessions.as(manager).get("/operations").then().statusCode(403);
        Sessions.as(manager).get("/operations/rates").then().statusCode(403);
        try (FeedListener feed = FeedListener.follow(manager, "")) {
            assertEquals(403, feed.status());
        }
        Sessions.as(manager).get("/operations/dead-letters").then().statusCode(403);
        Sessions.as(manager).get("/operations/parked").then().statusCode(403);
        Sessions.as(manager).get("/operations/emails").then().statusCode(403);
        Sessions.as(manager).get("/operations/read-models").then().statusCode(403);
    }

    @Test
    void the_dashboard_names_every_event_type_in_english_and_in_french() {
        String session = Sessions.operator();
        Document english = Jsoup.parse(Sessions.as(session).get("/operations?type=SaleCharged").then().statusCode(200)
                .extract().asString());
        assertEquals("Sale charged", english.select("#feed-type option[selected]").text());
        assertEquals(22, english.select("#feed-type option").size());
        for (String part : List.of("#feed", "#feed-store", "#feed-account", "#feed-events", "#rates", "#declines",
                "#lag", "#outbox-lag", "#rates-table", "#declines-table", "#lag-table")) {
            assertEquals(1, english.select(part).size(), part);
        }
        Document french = Jsoup.parse(Sessions.as(session).cookie("ardoise-language", "fr")
                .get("/operations?type=SaleCharged").then().statusCode(200).extract().asString());
        assertEquals("Vente portée au compte", french.select("#feed-type option[selected]").text());
        french.select("#feed-type option").forEach(option -> assertFalse(option.text().startsWith("event_"),
                option.text()));
        Sessions.as(session).get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
        Sessions.as(session).get("/operations.js").then().statusCode(200);
    }

    @SafeVarargs
    private void publish(ProducerRecord<String, String>... records) {
        kafka.produceStrings().fromRecords(List.of(records)).awaitCompletion(Duration.ofSeconds(15));
    }

    private static List<JsonNode> events(FeedListener feed) {
        return feed.named("account-event").stream().map(event -> {
            try {
                return JSON.readTree(event.data());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static AccountOpened opened(String store) {
        return new AccountOpened("C-1001", "Marie Tremblay", "marie@example.com", true, "fr-CA", "CAD", store);
    }

    static SaleCharged charged(String store, String amount) {
        LocalDate today = LocalDate.now();
        return new SaleCharged("R1-" + UUID.randomUUID(), UUID.randomUUID().toString(), store + "-000001",
                new BigDecimal(amount), List.of(new InvoiceLine("Peinture 4 L", BigDecimal.ONE, new BigDecimal(amount),
                new BigDecimal(amount))), PaymentTerms.NET_30, today, today.plusDays(30), store, "R1");
    }
}
