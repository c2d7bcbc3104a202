package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page and its total come from one snapshot: while the projection commits new accounts and invoices, every page
 * that holds the whole list has exactly {@code total} items. Pages link to the next one.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ListSnapshotTest {
    private static final int OPENED = 50;
    private static final int CHARGED = 40;
    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void while_accounts_are_opened_every_page_of_the_whole_list_has_its_total() {
        String name = "Snapshot " + UUID.randomUUID();
        CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> {
            for (int index = 0; index < OPENED; index++) {
                AccountStream account = new AccountStream();
                Publisher.publish(kafka, account.event(new AccountOpened("C-" + account.accountId, name, null, false,
                        "en", "CAD", "MAIN")));
            }
        });

        int reads = readWhileGrowing(() -> given().auth().oauth2(Tokens.viewer()).queryParam("q", name)
                .queryParam("size", "500").get("/accounts").then().statusCode(200).extract().jsonPath(), OPENED);

        opening.join();
        assertTrue(reads > 1, "the list was read while it grew");
    }

    @Test
    void while_sales_are_charged_every_page_of_the_accounts_invoices_has_its_total() {
        AccountStream account = new AccountStream();
        Publisher.publish(kafka, account.opened(), account.creditLimitSet("100000.00"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).get(account.path("/balance")).then().statusCode(200));
        CompletableFuture<Void> charging = CompletableFuture.runAsync(() -> {
            for (int sale = 0; sale < CHARGED; sale++) {
                Publisher.publish(kafka, account.charged("1.00"));
            }
        });

        int reads = readWhileGrowing(() -> given().auth().oauth2(Tokens.viewer()).queryParam("size", "500")
                .get(account.path("/invoices")).then().statusCode(200).extract().jsonPath(), CHARGED);

        charging.join();
        assertTrue(reads > 1, "the list was read while it grew");
    }

    @Test
    void the_next_links_walk_the_whole_list_once_and_the_last_page_has_none() {
        String name = "Pages " + UUID.randomUUID();
        List<RecordedEvent> openings = new ArrayList<>();
        for (int index = 0; index < 7; index++) {
            AccountStream account = new AccountStream();
            openings.add(account.event(new AccountOpened("C-" + account.accountId, name, null, false, "en", "CAD",
                    "MAIN")));
        }
        Publisher.publish(kafka, openings.toArray(RecordedEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth().oauth2(Tokens.viewer()).queryParam("q", name).get("/accounts")
                        .then().body("total", equalTo(7)));

        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String page = "/accounts?q=" + name.replace(" ", "%20") + "&size=3";
        while (page != null) {
            var answer = given().auth().oauth2(Tokens.viewer()).urlEncodingEnabled(false).get(page).then()
                    .statusCode(200).body("total", equalTo(7)).extract().response();
            List<String> ids = answer.jsonPath().getList("items.accountId");
            sizes.add(ids.size());
            seen.addAll(ids);
            page = next(answer.header("Link"));
        }
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(7, seen.size());

        given().auth().oauth2(Tokens.viewer()).queryParam("q", name).queryParam("page", "5").queryParam("size", "3")
                .get("/accounts").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(7))
                .header("Link", nullValue());
    }

    @Test
    void a_page_size_past_its_bound_is_a_problem_naming_size() {
        for (String path : List.of("/accounts", "/invoices")) {
            for (String size : List.of("0", "501", "-1", "many")) {
                given().auth().oauth2(Tokens.viewer()).queryParam("size", size).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("field", equalTo("size"));
            }
            given().auth().oauth2(Tokens.viewer()).queryParam("page", "-1").get(path).then().statusCode(400)
                    .body("field", equalTo("page"));
        }
    }

    /**
     * Reads the list as fast as it answers until it holds {@code expected} items, each time asserting that a page
     * holding the whole list has as many items as its total says. Answers how many reads it took.
     */
    private static int readWhileGrowing(Supplier<JsonPath> read, int expected) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        int reads = 0;
        int total = 0;
        while (total < expected) {
            assertTrue(System.nanoTime() < deadline, "the list reached " + total + " of " + expected + " in time");
            JsonPath page = read.get();
            reads++;
            total = page.getInt("total");
            assertEquals(total, page.getList("items").size(), "read " + reads + ": the total and the items agree");
        }
        return reads;
    }

    private static String next(String link) {
        if (link == null) {
            return null;
        }
        assertTrue(link.matches("^<[^>]+>; rel=\"next\"$"), link);
        return link.substring(1, link.indexOf('>'));
    }
}
