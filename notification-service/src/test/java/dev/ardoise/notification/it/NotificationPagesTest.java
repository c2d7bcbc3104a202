package dev.ardoise.notification.it;

import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery log's page and total come from one snapshot: while sales are charged, every page that holds an
 * account's whole log has exactly {@code total} items. Pages link to the next one.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationPagesTest {
    private static final int SALES = 50;
    private static final int READERS = 3;
    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void while_sales_are_charged_every_page_of_the_whole_log_has_its_total() {
        UUID accountId = UUID.randomUUID();
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        // no email: each invoice is recorded as SKIPPED, nothing is sent
        events.publish(accountId, 1, AccountEventsFixture.opened(null, false, "en"));
        CompletableFuture<Void> charging = CompletableFuture.runAsync(() -> {
            for (int sale = 0; sale < SALES; sale++) {
                events.publish(accountId, 2 + sale, AccountEventsFixture.charged("1.00"));
            }
        });

        // several readers at once: each read is a chance to fall between two of the reader's commits
        List<CompletableFuture<Integer>> readers = new ArrayList<>();
        for (int reader = 0; reader < READERS; reader++) {
            readers.add(CompletableFuture.supplyAsync(() -> readWhileGrowing(accountId)));
        }
        charging.join();
        for (CompletableFuture<Integer> reader : readers) {
            assertTrue(reader.join() > 1, "the log was read while it grew");
        }
    }

    /** Reads the account's log until it holds every sale, asserting each time that total and items agree. */
    private static int readWhileGrowing(UUID accountId) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        int reads = 0;
        int total = 0;
        while (total < SALES) {
            assertTrue(System.nanoTime() < deadline, "the log reached " + total + " of " + SALES + " in time");
            JsonPath page = As.viewer().queryParam("accountId", accountId.toString()).queryParam("size", "500")
                    .get("/notifications").then().statusCode(200).extract().jsonPath();
            reads++;
            total = page.getInt("total");
            assertEquals(total, page.getList("items").size(), "read " + reads + ": the total and the items agree");
        }
        return reads;
    }

    @Test
    void the_next_links_walk_the_whole_log_once_and_the_last_page_has_none() {
        UUID accountId = UUID.randomUUID();
        AccountEventsFixture events = new AccountEventsFixture(kafka);
        events.publish(accountId, 1, AccountEventsFixture.opened(null, false, "en"));
        for (int sale = 0; sale < 5; sale++) {
            events.publish(accountId, 2 + sale, AccountEventsFixture.charged("2.00"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                As.viewer().queryParam("accountId", accountId.toString()).get("/notifications").then()
                        .body("total", is(5)));

        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String page = "/notifications?accountId=" + accountId + "&size=2";
        while (page != null) {
            Response answer = As.viewer().urlEncodingEnabled(false).get(page).then().statusCode(200)
                    .body("total", is(5)).extract().response();
            List<String> ids = answer.jsonPath().getList("items.notificationId");
            sizes.add(ids.size());
            seen.addAll(ids);
            page = next(answer.header("Link"));
        }
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(5, seen.size());
        As.viewer().queryParam("accountId", accountId.toString()).queryParam("page", "9").get("/notifications")
                .then().statusCode(200).body("items", hasSize(0)).body("total", is(5)).header("Link", nullValue());
    }

    private static String next(String link) {
        if (link == null) {
            return null;
        }
        assertTrue(link.matches("^<[^>]+>; rel=\"next\"$"), link);
        return link.substring(1, link.indexOf('>'));
    }
}
