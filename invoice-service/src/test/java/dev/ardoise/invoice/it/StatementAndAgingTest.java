package dev.ardoise.invoice.it;

import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleRefunded;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Statements and aging on four months of one account's life, to the cent, with the store's day fixed. The tests
 * only read (and move the clock, set again before each): the account's life is published once for all of them.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementAndAgingTest {

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    private AccountStream account;

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static Allocation to(AccountStream account, String invoice, String amount) {
        return new Allocation(account.invoiceId(invoice), invoice, new BigDecimal(amount));
    }

    @BeforeAll
    void a_customer_buys_pays_deposits_and_is_refunded_from_august_to_november() {
        account = new AccountStream();
        AccountStream a = account;
        List<RecordedEvent> events = new ArrayList<>();
        events.add(a.on(day(8, 3)).opened());
        events.add(a.event(new CreditLimitSet(new BigDecimal("2000.00"), null)));
        events.add(a.on(day(8, 5)).sale("A-1", "500.00", day(8, 5), day(9, 4)));
        events.add(a.on(day(8, 20)).event(new DepositAdded("D-1", new BigDecimal("200.00"), DepositPurpose.LAYAWAY,
                "order 4471")));
        events.add(a.on(day(9, 2)).sale("A-2", "300.00", day(9, 2), day(10, 2)));
        events.add(a.on(day(9, 10)).event(new PaymentReceived("P-1", new BigDecimal("350.00"), "CHEQUE", "cheque 0042",
                List.of(to(a, "A-1", "350.00")))));
        events.add(a.on(day(9, 28)).event(new DepositApplied("DA-1", new BigDecimal("150.00"),
                List.of(to(a, "A-1", "150.00")))));
        events.add(a.on(day(10, 3)).event(new PaymentReceived("P-2", new BigDecimal("400.00"), "CASH", null,
                List.of(to(a, "A-2", "300.00")))));
        events.add(a.event(new CreditNoteIssued("P-2", new BigDecimal("100.00"), CreditNoteOrigin.OVERPAYMENT, "P-2",
                null)));
        events.add(a.on(day(10, 12)).sale("A-3", "120.50", day(10, 12), day(11, 11)));
        events.add(a.on(day(10, 15)).sale("A-4", "800.00", day(10, 15), day(10, 15)));
        events.add(a.on(day(10, 20)).event(new SaleRefunded("R-1", a.invoiceId("A-3"), "A-3", new BigDecimal("20.50"),
                new BigDecimal("20.50"), "RETURNED")));
        events.add(a.on(day(10, 25)).event(new BalanceAdjusted("ADJ-1", AdjustmentDirection.DEBIT,
                new BigDecimal("15.00"), "FEE", "late fee", List.of(to(a, "A-4", "15.00")))));
        events.add(a.on(day(10, 30)).event(new DepositReturned("DR-1", new BigDecimal("50.00"), "CASH", null)));
        events.add(a.on(day(11, 5)).event(new BalanceAdjusted("ADJ-2", AdjustmentDirection.CREDIT,
                new BigDecimal("10.00"), "GOODWILL", null, List.of(to(a, "A-3", "10.00")))));
        events.add(a.on(day(11, 20)).sale("A-5", "60.00", day(11, 20), day(12, 20)));
        Publisher.publish(kafka, events.toArray(RecordedEvent[]::new));
        // before the tests, when RestAssured does not know the port yet: the projection's own record of it
        await().atMost(Duration.ofSeconds(30)).until(() -> ReaderPositions.allAt(dataSource, List.of(a.accountId), 16));
    }

    @BeforeEach
    void it_is_the_30th_of_november() {
        clock.fixOn(day(11, 30));
    }

    @AfterEach
    void the_clock_runs_again() {
        clock.reset();
    }

    @Test
    void the_october_statement_runs_from_septembers_closing_balance() {
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").get(account.path("/statement"))
                .then().statusCode(200)
                .body("accountId", equalTo(account.accountId.toString()))
                .body("customerName", equalTo("Marie Tremblay"))
                .body("currency", equalTo("CAD"))
                .body("from", equalTo("2026-10-01")).body("to", equalTo("2026-10-31"))
                .body("openingBalance", equalTo("-250.00"))
                .body("lines.type", contains("PAYMENT", "CHARGE", "CHARGE", "REFUND", "ADJUSTMENT",
                        "DEPOSIT_RETURNED"))
                .body("lines.date", contains("2026-10-03", "2026-10-12", "2026-10-15", "2026-10-20", "2026-10-25",
                        "2026-10-30"))
                .body("lines.reference", contains("P-2", "A-3", "A-4", "R-1", "ADJ-1", "DR-1"))
                .body("lines.amount", contains("400.00", "-120.50", "-800.00", "20.50", "-15.00", "-50.00"))
                .body("lines.runningBalance", contains("150.00", "29.50", "-770.50", "-750.00", "-765.00",
                        "-815.00"))
                .body("lines[0].description", equalTo("Payment (CASH)"))
                .body("lines[1].description", equalTo("Invoice A-3"))
                .body("closingBalance", equalTo("-815.00"))
                .body("totalCharges", equalTo("985.50"))
                .body("totalCredits", equalTo("420.50"))
                .body("owed", equalTo("915.00"))
                .body("overdue", equalTo("815.00"))
                .body("depositBalance", equalTo("100.00"))
                .body("version", equalTo(16))
                .body("interim", equalTo(false));
    }

    @Test
    void a_statement_of_days_not_over_is_the_period_so_far_and_says_it_is_interim() {
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2026-11-01").queryParam("to", "2026-11-29")
                .get(account.path("/statement")).then().statusCode(200).body("interim", equalTo(false));
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(account.path("/statement")).then().statusCode(200).body("interim", equalTo(true))
                .body("closingBalance", equalTo("-865.00"));
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2027-01-01").queryParam("to", "2027-01-31")
                .get(account.path("/statement")).then().statusCode(200).body("interim", equalTo(true))
                .body("lines.size()", equalTo(0)).body("closingBalance", equalTo("-865.00"));
    }

    @Test
    void the_september_statement_and_the_default_period_of_the_current_month() {
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get(account.path("/statement"))
                .then().statusCode(200)
                .body("openingBalance", equalTo("-300.00"))
                .body("lines.amount", contains("-300.00", "350.00"))
                .body("lines[1].description", equalTo("Payment (CHEQUE) cheque 0042"))
                .body("closingBalance", equalTo("-250.00"))
                .body("owed", equalTo("300.00"))
                .body("overdue", equalTo("0.00"))
                .body("depositBalance", equalTo("50.00"));

        given().auth().oauth2(Tokens.viewer()).get(account.path("/statement")).then().statusCode(200)
                .body("from", equalTo("2026-11-01")).body("to", equalTo("2026-11-30"))
                .body("openingBalance", equalTo("-815.00"))
                .body("lines.amount", contains("10.00", "-60.00"))
                .body("closingBalance", equalTo("-865.00"))
                .body("owed", equalTo("965.00"))
                .body("overdue", equalTo("905.00"))
                .body("interim", equalTo(true));
    }

    @Test
    void aging_as_of_any_day_puts_what_was_owed_then_in_its_bucket() {
        given().auth().oauth2(Tokens.viewer()).get(account.path("/aging")).then().statusCode(200)
                .body("asOf", equalTo("2026-11-30"))
                .body("current", equalTo("60.00")).body("days1To30", equalTo("90.00"))
                .body("days31To60", equalTo("815.00")).body("days61To90", equalTo("0.00"))
                .body("over90", equalTo("0.00")).body("total", equalTo("965.00"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2026-09-15").get(account.path("/aging")).then()
                .body("current", equalTo("300.00")).body("days1To30", equalTo("150.00"))
                .body("total", equalTo("450.00"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2026-09-30").get(account.path("/aging")).then()
                .body("current", equalTo("300.00")).body("total", equalTo("300.00"));
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2027-01-20").get(account.path("/aging")).then()
                .body("current", equalTo("0.00")).body("days31To60", equalTo("60.00"))
                .body("days61To90", equalTo("90.00")).body("over90", equalTo("815.00"));
    }

    @Test
    void the_store_aging_has_a_row_for_the_account() {
        String row = "accounts.find { it.accountId == '" + account.accountId + "' }";
        given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2026-11-30").get("/aging").then().statusCode(200)
                .body("asOf", equalTo("2026-11-30"))
                .body(row + ".days31To60", equalTo("815.00"))
                .body(row + ".total", equalTo("965.00"));
    }

    @Test
    void overdue_follows_the_clock_with_no_event() {
        clock.fixOn(day(10, 15));
        given().auth().oauth2(Tokens.viewer()).get(account.path("/balance")).then()
                .body("overdue", equalTo("0.00")).body("status", equalTo("OUTSTANDING"));
        given().auth().oauth2(Tokens.viewer()).get("/invoices/" + account.invoiceId("A-4")).then().body("status", equalTo("OUTSTANDING"));

        clock.fixOn(day(10, 16));
        given().auth().oauth2(Tokens.viewer()).get(account.path("/balance")).then()
                .body("balance", equalTo("-965.00"))
                .body("overdue", equalTo("815.00")).body("status", equalTo("OVERDUE"))
                .body("version", equalTo(16));
        given().auth().oauth2(Tokens.viewer()).get("/invoices/" + account.invoiceId("A-4")).then().body("status", equalTo("OVERDUE"));
    }

    @Test
    void an_invoice_shows_what_was_applied_to_it() {
        given().auth().oauth2(Tokens.viewer()).get("/invoices/" + account.invoiceId("A-1")).then().statusCode(200)
                .body("status", equalTo("PAID")).body("paid", equalTo("500.00")).body("owed", equalTo("0.00"))
                .body("applications.kind", contains("PAYMENT", "DEPOSIT_APPLIED"))
                .body("applications.date", contains("2026-09-10", "2026-09-28"))
                .body("applications.amount", contains("350.00", "150.00"));
        given().auth().oauth2(Tokens.viewer()).get("/invoices/" + account.invoiceId("A-3")).then()
                .body("status", equalTo("OVERDUE")).body("refunded", equalTo("20.50"))
                .body("owed", equalTo("90.00"))
                .body("applications.kind", contains("REFUND", "CREDIT"))
                .body("applications.reference", contains("R-1", "ADJ-2"));
        clock.fixOn(day(11, 6));
        given().auth().oauth2(Tokens.viewer()).get("/invoices/" + account.invoiceId("A-3")).then().body("status", equalTo("PARTIALLY_PAID"));
        given().auth().oauth2(Tokens.viewer()).get("/invoices/" + account.invoiceId("A-4")).then()
                .body("status", equalTo("OVERDUE")).body("amount", equalTo("800.00")).body("owed", equalTo("815.00"));
    }

    @Test
    void the_accounts_invoices_filter_sort_and_page() {
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "OUTSTANDING").queryParam("sort", "dueDate").queryParam("order", "asc")
                .get(account.path("/invoices")).then().statusCode(200)
                .body("items.invoiceNumber", contains("A-4", "A-3", "A-5")).body("total", equalTo(3));
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "PAID").get(account.path("/invoices")).then()
                .body("items.invoiceNumber", contains("A-2", "A-1"));
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").queryParam("size", "1")
                .queryParam("page", "1").get(account.path("/invoices")).then()
                .body("items.invoiceNumber", contains("A-3")).body("total", equalTo(2))
                .body("page", equalTo(1)).body("size", equalTo(1));
        given().auth().oauth2(Tokens.viewer()).queryParam("accountId", account.accountId.toString()).queryParam("status", "OVERDUE")
                .get("/invoices").then().statusCode(200).body("items.invoiceNumber", contains("A-4", "A-3"));
    }

    @Test
    void the_credit_accounts_page_finds_the_account() {
        given().auth().oauth2(Tokens.viewer()).queryParam("q", "c-" + account.accountId).get("/accounts").then().statusCode(200)
                .body("total", equalTo(1)).body("items", hasSize(1))
                .body("items[0].customerName", equalTo("Marie Tremblay"))
                .body("items[0].status", equalTo("OVERDUE"))
                .body("items[0].outstanding", equalTo("965.00"))
                .body("items[0].overdue", equalTo("905.00"))
                .body("items[0].depositBalance", equalTo("100.00"))
                .body("items[0].available", equalTo("1035.00"));
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "OVERDUE").queryParam("sort", "overdue").queryParam("size", "500")
                .get("/accounts").then().statusCode(200)
                .body("items.find { it.accountId == '" + account.accountId + "' }.overdue", equalTo("905.00"));
    }
}
