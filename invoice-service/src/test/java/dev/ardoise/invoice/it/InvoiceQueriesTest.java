package dev.ardoise.invoice.it;

import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvoiceQueriesTest {
    private static final LocalDate TODAY = LocalDate.now();

    @InjectKafka
    KafkaCompanion kafka;

    @Test
    void an_invoice_past_its_due_date_is_overdue_with_no_event() {
        AccountStream account = new AccountStream();
        RecordedEvent opened = account.opened();
        RecordedEvent limitSet = account.creditLimitSet("1000.00");
        RecordedEvent late = account.charged("400.00", TODAY.minusDays(45), TODAY.minusDays(15));
        RecordedEvent recent = account.charged("300.00", TODAY, TODAY.plusDays(30));
        Publisher.publish(kafka, opened, limitSet, late, recent);
        String lateId = ((SaleCharged) late.data()).invoiceId();
        String recentId = ((SaleCharged) recent.data()).invoiceId();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.cashier()).get(account.path("/balance"))
                .then().statusCode(200).body("version", equalTo(4)));

        given().auth().oauth2(Tokens.cashier()).get(account.path("/balance")).then()
                .body("balance", equalTo("-700.00"))
                .body("overdue", equalTo("400.00"))
                .body("status", equalTo("OVERDUE"));
        given().auth().oauth2(Tokens.cashier()).get(account.path("/invoices")).then()
                .statusCode(200)
                .body("items.invoiceId", contains(recentId, lateId))
                .body("items.status", contains("OUTSTANDING", "OVERDUE"));
        given().auth().oauth2(Tokens.cashier()).queryParam("status", "OVERDUE").get(account.path("/invoices")).then()
                .body("items.invoiceId", contains(lateId));
        given().auth().oauth2(Tokens.cashier()).queryParam("status", "OUTSTANDING").get(account.path("/invoices")).then()
                .body("items.invoiceId", contains(recentId, lateId));
        given().auth().oauth2(Tokens.cashier()).queryParam("status", "PAID").get(account.path("/invoices")).then()
                .body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void an_invoice_reads_as_issued() {
        AccountStream account = new AccountStream();
        RecordedEvent opened = account.opened();
        RecordedEvent charged = account.charged("250.50", TODAY, TODAY.plusDays(30));
        Publisher.publish(kafka, opened, charged);
        SaleCharged sale = (SaleCharged) charged.data();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.cashier()).get("/invoices/" + sale.invoiceId())
                .then().statusCode(200));

        given().auth().oauth2(Tokens.cashier()).get("/invoices/" + sale.invoiceId()).then()
                .body("invoiceId", equalTo(sale.invoiceId()))
                .body("invoiceNumber", equalTo(sale.invoiceNumber()))
                .body("accountId", equalTo(account.accountId.toString()))
                .body("saleId", equalTo(sale.saleId()))
                .body("amount", equalTo("250.50"))
                .body("paid", equalTo("0.00"))
                .body("owed", equalTo("250.50"))
                .body("terms", equalTo("NET_30"))
                .body("issuedOn", equalTo(TODAY.toString()))
                .body("dueDate", equalTo(TODAY.plusDays(30).toString()))
                .body("status", equalTo("OUTSTANDING"))
                .body("lines[0].description", equalTo("Cedar planks"))
                .body("lines[0].amount", equalTo("250.50"))
                .body("lines[0].unitPrice", equalTo("125.25"));
    }
}
