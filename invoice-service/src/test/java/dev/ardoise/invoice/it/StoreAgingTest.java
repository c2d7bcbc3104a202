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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The store's aging is folded through a cursor, a few hundred invoices at a time: a store with more invoices than
 * one fetch, an account's invoices across two fetches, ages to the cent.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StoreAgingTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    private static final int INVOICES = 100;

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void three_hundred_invoices_of_three_accounts_age_to_the_cent() {
        String store = "AGING-" + UUID.randomUUID().toString().substring(0, 8);
        List<RecordedEvent> events = new ArrayList<>();
        List<String> accountIds = new ArrayList<>();
        for (int account = 1; account <= 3; account++) {
            AccountStream stream = new AccountStream();
            accountIds.add(stream.accountId.toString());
            events.add(stream.event(new AccountOpened("C-" + stream.accountId, "Customer " + account, null, false,
                    "en", "CAD", store)));
            // invoice j is 2j days past due: 1 current, 15 in each of 1-30, 31-60, 61-90, and 54 over 90
            for (int invoice = 0; invoice < INVOICES; invoice++) {
                LocalDate due = AS_OF.minusDays(2L * invoice);
                events.add(stream.charged(account + ".00", due.minusDays(30), due));
            }
        }
        Publisher.publish(kafka, events.toArray(RecordedEvent[]::new));
        String viewer = Tokens.of("VIEWER").stores(store).sign();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(viewer).queryParam("storeId", store).queryParam("size", "500")
                        .get("/invoices").then().body("total", equalTo(3 * INVOICES)));

        given().auth().oauth2(viewer).queryParam("asOf", AS_OF.toString()).get("/aging").then().statusCode(200)
                .body("accounts.accountId", contains(accountIds.toArray()))
                .body("accounts.customerName", contains("Customer 1", "Customer 2", "Customer 3"))
                .body("accounts.current", contains("1.00", "2.00", "3.00"))
                .body("accounts.days1To30", contains("15.00", "30.00", "45.00"))
                .body("accounts.days31To60", contains("15.00", "30.00", "45.00"))
                .body("accounts.days61To90", contains("15.00", "30.00", "45.00"))
                .body("accounts.over90", contains("54.00", "108.00", "162.00"))
                .body("accounts.total", contains("100.00", "200.00", "300.00"))
                .body("totals.CAD.current", equalTo("6.00"))
                .body("totals.CAD.days1To30", equalTo("90.00"))
                .body("totals.CAD.over90", equalTo("324.00"))
                .body("totals.CAD.total", equalTo("600.00"));
    }
}
