package dev.ardoise.invoice.it;

import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.AccountStream;
import dev.ardoise.testing.InjectKafka;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Two accounts, one of store MAIN and one of store OTHER, each owing on an overdue invoice: a token of MAIN sees
 * the first only, and the second answers exactly as an account that does not exist. The tests only read: the two
 * accounts are made once for all of them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreWallTest {
    private static final LocalDate TODAY = LocalDate.now();
    private static final String NOT_FOUND = "https://ardoise.dev/problems/not-found";

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    private String tag;
    private AccountStream ofMain;
    private AccountStream ofOther;

    private static String managerOf(String store) {
        return Tokens.of("MANAGER").stores(store).sign();
    }

    @BeforeAll
    void an_account_in_each_store_owes_an_overdue_invoice() {
        tag = "wall-" + UUID.randomUUID();
        ofMain = new AccountStream();
        ofOther = new AccountStream();
        List<RecordedEvent> events = new ArrayList<>(List.of(owing(ofMain, "MAIN", "120.00")));
        events.addAll(List.of(owing(ofOther, "OTHER", "340.00")));
        Publisher.publish(kafka, events.toArray(RecordedEvent[]::new));
        // before the tests, when RestAssured does not know the port yet: the projection's own record of it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ReaderPositions.allAt(dataSource, List.of(ofMain.accountId, ofOther.accountId), 3));
    }

    private RecordedEvent[] owing(AccountStream account, String store, String amount) {
        String invoiceId = "inv-" + UUID.randomUUID();
        InvoiceLine line = new InvoiceLine("Cedar planks", BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount));
        return new RecordedEvent[] {
            account.event(new AccountOpened("C-" + tag + "-" + store, "Customer " + store, null, false, "fr-CA", "CAD",
                    store)),
            account.event(new CreditLimitSet(new BigDecimal("1000.00"), null)),
            account.event(new SaleCharged("sale-" + invoiceId, invoiceId, store + "-" + tag, new BigDecimal(amount),
                    List.of(line), PaymentTerms.NET_30, TODAY.minusDays(45), TODAY.minusDays(15), store, "R1"))};
    }

    @Test
    void another_stores_account_is_not_found_on_every_account_read() {
        String main = managerOf("MAIN");
        for (String read : List.of("/balance", "/invoices", "/statement", "/aging")) {
            given().auth().oauth2(main).get(ofOther.path(read)).then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(NOT_FOUND))
                    .body("title", equalTo("account not found"))
                    .body("detail", equalTo("no account " + ofOther.accountId));
            given().auth().oauth2(main).get(ofMain.path(read)).then().statusCode(200);
        }
    }

    @Test
    void another_stores_account_answers_exactly_as_one_that_does_not_exist() {
        String main = managerOf("MAIN");
        UUID unknown = UUID.randomUUID();
        String missing = given().auth().oauth2(main).get("/accounts/" + unknown + "/balance").then().statusCode(404)
                .extract().asString().replace(unknown.toString(), "ID");
        String walled = given().auth().oauth2(main).get(ofOther.path("/balance")).then().statusCode(404)
                .extract().asString().replace(ofOther.accountId.toString(), "ID");
        org.junit.jupiter.api.Assertions.assertEquals(missing, walled);
    }

    @Test
    void min_version_does_not_see_through_the_wall() {
        UUID unknown = UUID.randomUUID();
        String missing = given().auth().oauth2(managerOf("MAIN")).queryParam("minVersion", 3)
                .get("/accounts/" + unknown + "/balance").then()
                .statusCode(503).header("X-Projection-Lagging", "true")
                .extract().asString().replace(unknown.toString(), "ID");
        String walled = given().auth().oauth2(Tokens.cashier()).queryParam("minVersion", 3)
                .get(ofOther.path("/balance")).then()
                .statusCode(503).header("X-Projection-Lagging", "true")
                .extract().asString().replace(ofOther.accountId.toString(), "ID");
        org.junit.jupiter.api.Assertions.assertEquals(missing, walled);
    }

    @Test
    void another_stores_invoice_is_not_found() {
        String otherInvoice = given().auth().oauth2(managerOf("OTHER")).get(ofOther.path("/invoices")).then()
                .statusCode(200).extract().path("items[0].invoiceId");

        given().auth().oauth2(managerOf("MAIN")).get("/invoices/" + otherInvoice).then()
                .statusCode(404).body("type", equalTo(NOT_FOUND)).body("title", equalTo("invoice not found"));
        given().auth().oauth2(managerOf("OTHER")).get("/invoices/" + otherInvoice).then()
                .statusCode(200).body("owed", equalTo("340.00")).body("status", equalTo("OVERDUE"));
    }

    @Test
    void the_accounts_list_shows_only_the_callers_stores() {
        given().auth().oauth2(Tokens.viewer()).queryParam("q", tag).get("/accounts").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.accountId", contains(ofMain.accountId.toString()))
                .body("items[0].outstanding", equalTo("120.00"));
        given().auth().oauth2(Tokens.of("VIEWER").stores("MAIN", "OTHER").sign()).queryParam("q", tag)
                .get("/accounts").then()
                .body("total", equalTo(2));
    }

    @Test
    void a_store_asked_for_narrows_the_list_and_never_widens_it() {
        String both = Tokens.of("VIEWER").stores("MAIN", "OTHER").sign();
        given().auth().oauth2(both).queryParam("q", tag).queryParam("storeId", "OTHER").get("/accounts").then()
                .body("total", equalTo(1)).body("items.accountId", contains(ofOther.accountId.toString()));
        given().auth().oauth2(Tokens.viewer()).queryParam("q", tag).queryParam("storeId", "OTHER").get("/accounts")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.viewer()).queryParam("accountId", ofOther.accountId.toString())
                .queryParam("storeId", "OTHER").get("/invoices").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.viewer()).queryParam("storeId", "OTHER").get("/aging").then().statusCode(200)
                .body("accounts.accountId", not(hasItem(ofOther.accountId.toString())));
    }

    @Test
    void the_invoices_list_shows_only_the_callers_stores() {
        given().auth().oauth2(Tokens.cashier()).queryParam("accountId", ofOther.accountId.toString())
                .get("/invoices").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.of("CASHIER").stores("OTHER").sign())
                .queryParam("accountId", ofOther.accountId.toString()).get("/invoices").then()
                .body("total", equalTo(1)).body("items[0].amount", equalTo("340.00"));
        given().auth().oauth2(Tokens.cashier()).queryParam("size", "500").queryParam("status", "OVERDUE")
                .queryParam("from", TODAY.minusDays(45).toString()).queryParam("to", TODAY.minusDays(45).toString())
                .get("/invoices").then().statusCode(200)
                .body("items.accountId", hasItem(ofMain.accountId.toString()))
                .body("items.accountId", not(hasItem(ofOther.accountId.toString())));
    }

    @Test
    void the_store_aging_shows_only_the_callers_stores() {
        given().auth().oauth2(managerOf("MAIN")).get("/aging").then().statusCode(200)
                .body("accounts.accountId", hasItem(ofMain.accountId.toString()))
                .body("accounts.accountId", not(hasItem(ofOther.accountId.toString())));
        given().auth().oauth2(managerOf("OTHER")).get("/aging").then().statusCode(200)
                .body("accounts.find { it.accountId == '" + ofOther.accountId + "' }.days1To30", equalTo("340.00"))
                .body("accounts.accountId", not(hasItem(ofMain.accountId.toString())));
    }

    @Test
    void a_service_reads_the_statement_of_any_store() {
        String service = Tokens.of("SERVICE").user("notification-service").stores().sign();
        given().auth().oauth2(service).get(ofOther.path("/statement")).then().statusCode(200)
                .body("accountId", equalTo(ofOther.accountId.toString()))
                .body("owed", equalTo("340.00"));
        given().auth().oauth2(service).get(ofMain.path("/statement")).then().statusCode(200)
                .body("owed", equalTo("120.00"));
    }
}
