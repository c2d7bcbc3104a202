package dev.ardoise.console.operations;

import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A console started on topics that already hold the last hour shows that hour, and only new events as live. */
@QuarkusTest
@TestProfile(HourBeforeStart.Restarted.class)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class ReadBackTest {
    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = HourBeforeStart.ACCOUNT)
    String account;

    @ConfigProperty(name = HourBeforeStart.SALE_AT)
    long saleThirtyMinutesAgo;

    @Test
    void the_last_hour_is_read_back_at_start_and_nothing_older() {
        String session = Sessions.operator();
        // the other test publishes a sale now: only what was published before the start is counted here
        long started = Instant.now().minus(Duration.ofMinutes(2)).getEpochSecond();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath rates = RatesTest.rates(session);
            assertEquals(2, before(rates, "events.SaleCharged", started), "the sales of 30 and 5 minutes ago");
            assertEquals(1, before(rates, "events.PaymentReceived", started));
            assertEquals(0, RatesTest.total(rates, "AccountOpened"), "opened 70 minutes ago");
            assertEquals(1, before(rates, "declined", started), "declined 20 minutes ago, not 90");
        });
        JsonPath rates = RatesTest.rates(session);
        int minute = rates.getList("minutes", Long.class).indexOf(saleThirtyMinutesAgo / 60_000 * 60);
        assertEquals(1, rates.<Integer>getList("events.SaleCharged").get(minute), "in the minute it was published");
    }

    /** The counts of the minutes that began before this time (epoch seconds). */
    private static int before(JsonPath rates, String series, long time) {
        List<Long> minutes = rates.getList("minutes", Long.class);
        List<Integer> counts = rates.getList(series);
        int sum = 0;
        for (int i = 0; counts != null && i < minutes.size(); i++) {
            sum += minutes.get(i) < time ? counts.get(i) : 0;
        }
        return sum;
    }

    @Test
    void what_was_read_back_is_counted_but_only_new_events_reach_the_feed() throws IOException {
        try (FeedListener feed = FeedListener.follow(Sessions.operator(), "?account=" + account).awaitReading()) {
            kafka.produceStrings().fromRecords(List.of(HourBeforeStart.at(HourBeforeStart.EVENTS, Instant.now(),
                            RelayRecords.cashierOf("MAIN", UUID.fromString(account), 6,
                                    LiveFeedTest.charged("MAIN", "40.00")))))
                    .awaitCompletion(Duration.ofSeconds(15));

            await().atMost(Duration.ofSeconds(5)).until(() -> !feed.named("account-event").isEmpty());
            List<String> versions = feed.named("account-event").stream().map(FeedListener.Event::data)
                    .map(data -> data.replaceAll(".*\"version\":(\\d+).*", "$1")).toList();
            assertEquals(List.of("6"), versions);
        }
    }
}
