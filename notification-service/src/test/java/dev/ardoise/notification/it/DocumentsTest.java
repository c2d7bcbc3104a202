package dev.ardoise.notification.it;

import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.notification.it.AccountEventsFixture.charged;
import static dev.ardoise.notification.it.AccountEventsFixture.chargedWithTaxes;
import static dev.ardoise.notification.it.AccountEventsFixture.deposit;
import static dev.ardoise.notification.it.AccountEventsFixture.depositAtTheTill;
import static dev.ardoise.notification.it.AccountEventsFixture.limit;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static dev.ardoise.notification.it.AccountEventsFixture.openedIn;
import static dev.ardoise.notification.it.AccountEventsFixture.paid;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The invoice's and the statement's PDF as the customer finds it attached to the email (read back with PDFBox at
 * the SMTP server) and as the back office downloads it.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DocumentsTest extends FreshAccountTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, String> OCTOBER = Map.of("from", "2026-10-01", "to", "2026-10-31");

    @Test
    void a_french_invoice_email_carries_its_invoice_as_a_pdf_in_french() {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("2000.00"));
        events.publish(accountId, 3, sale);

        Pdfs.Pdf pdf = awaitAttached("Facture");

        assertEquals(sale.invoiceNumber() + ".pdf", pdf.fileName());
        assertEquals("application/pdf", pdf.contentType().split(";")[0].trim().toLowerCase());
        Pdfs.assertHolds(pdf, "FACTURE", sale.invoiceNumber(), "Quincaillerie Ardoise", "123, rue Principale",
                "Claire Tremblay", "29 novembre 2026", "Net 30 jours", "29 décembre 2026",
                "Peinture, 4 L", "500,00 $", "1 000,00 $", "149,75 $", "Rouleau", "10,00 $", "30,00 $", "4,49 $",
                "1 149,75 $", "34,49 $", "Sous-total 1 030,00 $", "Taxes 154,24 $", "Total 1 184,24 $",
                "Montant dû 1 184,24 $", "VOTRE COMPTE APRÈS CET ACHAT", "SOLDE", "-1 184,24 $", "CRÉDIT DISPONIBLE",
                "815,76 $");
    }

    @Test
    void a_sale_paid_partly_from_the_deposit_shows_what_is_still_due_in_its_pdf() {
        SaleCharged sale = charged("400.00");
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("1000.00"));
        events.publish(accountId, 3, deposit("200.00"));
        events.publishTogether(accountId, 4, sale, depositAtTheTill(sale, "150.00"));

        Pdfs.Pdf pdf = awaitAttached("Facture");

        Pdfs.assertHolds(pdf, "Total 400,00 $", "Déjà payé -150,00 $", "Montant dû 250,00 $", "SOLDE", "-250,00 $",
                "CRÉDIT DISPONIBLE", "750,00 $");
    }

    @Test
    void a_statement_email_carries_the_statement_as_a_pdf_in_the_customers_language() {
        events.publish(accountId, 1, opened("sam@" + domain, true, "en"));
        await().atMost(PATIENCE).untilAsserted(() -> As.manager().contentType(ContentType.JSON).body(OCTOBER)
                .when().post("/accounts/{id}/statements", accountId).then().statusCode(202));

        Pdfs.Pdf pdf = awaitAttached("Account statement");

        assertEquals("statement-2026-10-01-2026-10-31.pdf", pdf.fileName());
        Pdfs.assertHolds(pdf, "ACCOUNT STATEMENT", "from October 1, 2026 to October 31, 2026", "Claire Tremblay",
                "Opening balance -$700.00", "Payment P-0009", "$300.00", "-$400.00", "Invoice MAIN-000007",
                "-$1,120.50", "Closing balance -$1,520.50", "Charges $1,120.50", "Payments and credits $300.00",
                "Amount due $1,520.50", "of which overdue $120.50", "Deposit balance $0.00");
    }

    @Test
    void the_back_office_downloads_an_invoice_and_a_statement_as_pdf() {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, opened("lea@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, sale);
        awaitAttached("Facture");

        Pdfs.Pdf invoice = download(As.viewer().when().get("/invoices/{id}/pdf", sale.invoiceId()),
                sale.invoiceNumber() + ".pdf");
        Pdfs.assertHolds(invoice, sale.invoiceNumber(), "Montant dû 1 184,24 $", "29 décembre 2026");

        Pdfs.Pdf statement = download(As.manager().queryParams(OCTOBER)
                .when().get("/accounts/{id}/statement.pdf", accountId), "releve-2026-10-01-2026-10-31.pdf");
        Pdfs.assertHolds(statement, "RELEVÉ DE COMPTE", "du 1 octobre 2026 au 31 octobre 2026",
                "Solde d'ouverture -700,00 $", "Solde de clôture -1 520,50 $", "Montant dû 1 520,50 $");
        assertFalse(statement.text().contains("PROVISOIRE"), "October is over: " + statement.text());

        As.cashier().when().get("/invoices/{id}/pdf", sale.invoiceId()).then().statusCode(403);
        As.manager().queryParam("from", "2026-10-01").when().get("/accounts/{id}/statement.pdf", accountId)
                .then().statusCode(400).body("field", is("to"));
        As.manager().when().get("/invoices/{id}/pdf", "no-such-invoice").then().statusCode(404);
    }

    @Test
    void a_downloaded_invoice_shows_what_it_still_owes_to_the_cent() {
        SaleCharged partPaid = charged("400.00");
        SaleCharged paid = charged("80.15");
        events.publish(accountId, 1, opened("claire@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, limit("1000.00"));
        events.publish(accountId, 3, deposit("200.00"));
        events.publishTogether(accountId, 4, partPaid, depositAtTheTill(partPaid, "150.00"));
        events.publish(accountId, 6, paid);
        events.publish(accountId, 7, paid(paid));

        await().atMost(PATIENCE).untilAsserted(() -> Pdfs.assertHolds(downloadInvoice(paid),
                "Total 80,15 $", "Déjà payé -80,15 $", "Montant dû 0,00 $"));
        Pdfs.assertHolds(downloadInvoice(partPaid), "Total 400,00 $", "Déjà payé -150,00 $",
                "Montant dû 250,00 $");
    }

    @Test
    void a_statement_pdf_of_a_period_not_over_says_it_is_interim_as_of_today() {
        events.publish(accountId, 1, opened("sam@" + domain, true, "en"));
        await().atMost(PATIENCE).untilAsserted(() -> As.manager().queryParams(OCTOBER)
                .when().get("/accounts/{id}/statement.pdf", accountId).then().statusCode(200));

        Pdfs.Pdf december = download(As.viewer().queryParams(Map.of("from", "2026-12-01", "to", "2026-12-31"))
                .when().get("/accounts/{id}/statement.pdf", accountId), "statement-2026-12-01-2026-12-31.pdf");
        Pdfs.assertHolds(december, "INTERIM: statement as of December 2, 2026", "ACCOUNT STATEMENT");
        Pdfs.Pdf october = download(As.viewer().queryParams(OCTOBER)
                .when().get("/accounts/{id}/statement.pdf", accountId), "statement-2026-10-01-2026-10-31.pdf");
        assertFalse(october.text().contains("INTERIM"), october.text());
    }

    @Test
    void a_french_interim_statement_pdf_says_provisoire() {
        events.publish(accountId, 1, opened("lea@" + domain, true, "fr-CA"));
        await().atMost(PATIENCE).untilAsserted(() -> Pdfs.assertHolds(download(As.manager()
                .queryParams(Map.of("from", "2026-11-01", "to", "2026-12-02"))
                .when().get("/accounts/{id}/statement.pdf", accountId), "releve-2026-11-01-2026-12-02.pdf"),
                "PROVISOIRE : relevé au 2 décembre 2026"));
    }

    @Test
    void a_statement_invoice_service_cannot_give_is_a_404_or_a_503_never_its_status() {
        UUID unknownThere = UUID.fromString("00000000" + UUID.randomUUID().toString().substring(8));
        UUID failingThere = UUID.fromString("50000000" + UUID.randomUUID().toString().substring(8));
        SaleCharged sale = charged("10.00");
        events.publish(unknownThere, 1, opened("ana@" + domain, true, "en"));
        events.publish(unknownThere, 2, sale);
        events.publish(failingThere, 1, opened("ben@" + domain, true, "en"));
        events.publish(failingThere, 2, charged("10.00"));
        await().atMost(PATIENCE).until(() -> mailbox.emails().size() == 2);

        // the PDF and the preview, both made from invoice-service's statement, answer alike
        for (String path : List.of("/accounts/{id}/statement.pdf", "/accounts/{id}/statement-preview")) {
            As.manager().queryParams(OCTOBER).when().get(path, unknownThere)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", containsString("not-found")).body("detail", is("no account " + unknownThere));
            As.manager().queryParams(OCTOBER).when().get(path, failingThere)
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", containsString("invoice-service-unavailable"))
                    .body("detail", not(containsString("database down")));
        }
    }

    @Test
    void a_statement_longer_than_366_days_is_refused_naming_to() {
        events.publish(accountId, 1, opened("sam@" + domain, true, "en"));
        await().atMost(PATIENCE).untilAsserted(() -> As.manager().queryParams(OCTOBER)
                .when().get("/accounts/{id}/statement.pdf", accountId).then().statusCode(200));

        for (String path : List.of("/accounts/{id}/statement.pdf", "/accounts/{id}/statement-preview")) {
            As.manager().queryParams(Map.of("from", "1900-01-01", "to", "2026-10-31")).when().get(path, accountId)
                    .then().statusCode(400).body("field", is("to")).body("reason", containsString("366 days"));
        }
        As.manager().contentType(ContentType.JSON).body(Map.of("from", "2025-01-01", "to", "2026-01-02"))
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(400).body("field", is("to"));
    }

    @Test
    void another_stores_invoice_and_statement_are_a_404() {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, openedIn("OTHER", "ines@" + domain, true, "fr-CA"));
        events.publish(accountId, 2, sale);
        awaitAttached("Facture");

        As.viewer().when().get("/invoices/{id}/pdf", sale.invoiceId())
                .then().statusCode(404).body("type", containsString("not-found"));
        As.manager().queryParams(OCTOBER).when().get("/accounts/{id}/statement.pdf", accountId)
                .then().statusCode(404).body("type", containsString("not-found"));
        download(As.token(Tokens.of("VIEWER").stores("OTHER").sign()).when().get("/invoices/{id}/pdf",
                sale.invoiceId()), sale.invoiceNumber() + ".pdf");
    }

    private Pdfs.Pdf awaitAttached(String subjectStart) {
        await().atMost(PATIENCE).until(() -> !Pdfs.attached(smtp, domain, subjectStart).isEmpty());
        List<Pdfs.Pdf> pdfs = Pdfs.attached(smtp, domain, subjectStart);
        assertEquals(1, pdfs.size(), () -> "one PDF attached: " + pdfs);
        return pdfs.get(0);
    }

    private static Pdfs.Pdf downloadInvoice(SaleCharged sale) {
        return download(As.viewer().when().get("/invoices/{id}/pdf", sale.invoiceId()),
                sale.invoiceNumber() + ".pdf");
    }

    private static Pdfs.Pdf download(Response response, String fileName) {
        ExtractableResponse<Response> answer = response.then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", is("attachment; filename=\"" + fileName + "\""))
                .extract();
        return Pdfs.read(fileName, answer.contentType(), answer.asByteArray());
    }
}
