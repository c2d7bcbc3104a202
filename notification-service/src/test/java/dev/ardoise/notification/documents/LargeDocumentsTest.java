package dev.ardoise.notification.documents;

import dev.ardoise.notification.domain.InvoiceEmail;
import dev.ardoise.notification.domain.StatementEmail;
import dev.ardoise.notification.domain.StatementPeriod;
import dev.ardoise.notification.domain.Store;
import dev.ardoise.notification.it.PeerServicesStub;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound of the work: an invoice of 200 lines and a statement of 1,000 movements render, breaking into pages
 * that each repeat the table's header, with every line and the totals there.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LargeDocumentsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Store STORE = new Store("Quincaillerie Ardoise", List.of("123, rue Principale"), null);

    @Inject
    Documents documents;

    @Test
    void an_invoice_of_200_lines_breaks_into_pages_with_every_line() throws IOException {
        List<InvoiceEmail.Line> lines = IntStream.rangeClosed(1, 200).mapToObj(i -> new InvoiceEmail.Line(
                "Vis à bois n° " + i, "1", "1,00 $", "1,00 $", "0,15 $", "1,15 $")).toList();
        InvoiceEmail invoice = new InvoiceEmail("fr", "Facture MAIN-000200", STORE, "Claire Tremblay",
                "MAIN-000200", "29 novembre 2026", lines, "200,00 $", "29,95 $", "229,95 $", "Net 30 jours",
                "29 décembre 2026", "-229,95 $", "770,05 $", null, "229,95 $", "0,00 $", null);

        Document pdf = documents.invoice(invoice).await().atMost(PATIENCE);

        try (PDDocument read = Loader.loadPDF(pdf.content())) {
            String text = new PDFTextStripper().getText(read);
            int pages = read.getNumberOfPages();
            assertTrue(pages > 1, "200 lines on " + pages + " page(s)");
            assertHeaderOnEveryPageWith(read, "Vis à bois", "Prix unitaire");
            assertTrue(text.contains("Vis à bois n° 1\n") || text.contains("Vis à bois n° 1 "), text);
            assertTrue(text.contains("Vis à bois n° 200"), text);
            assertEquals(200, occurrences(text, "Vis à bois n°"));
            assertTrue(text.contains("229,95 $"), text);
        }
    }

    @Test
    void a_statement_of_1000_movements_breaks_into_pages_with_every_movement() throws IOException {
        List<StatementEmail.Line> lines = IntStream.rangeClosed(1, 1000).mapToObj(i -> new StatementEmail.Line(
                "October 1, 2026", "Invoice MAIN-" + String.format("%06d", i), "-$1.00",
                "-$" + (700 + i) + ".00")).toList();
        StatementEmail statement = new StatementEmail("en", "Account statement", STORE, "Sam Lee",
                "October 1, 2026", "October 31, 2026", "-$700.00", lines, "-$1,700.00", "$1,000.00", "$0.00",
                "$1,700.00", "$0.00", false, "$0.00");

        Document pdf = documents.statement(statement,
                new StatementPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))).await().atMost(PATIENCE);

        assertEquals("statement-2026-10-01-2026-10-31.pdf", pdf.fileName());
        try (PDDocument read = Loader.loadPDF(pdf.content())) {
            String text = new PDFTextStripper().getText(read);
            int pages = read.getNumberOfPages();
            assertTrue(pages > 10, "1,000 movements on " + pages + " page(s)");
            assertHeaderOnEveryPageWith(read, "Invoice MAIN-", "Description");
            assertEquals(1000, occurrences(text, "Invoice MAIN-"));
            assertTrue(text.contains("Invoice MAIN-001000"), text);
            assertTrue(text.contains("Closing balance -$1,700.00"), text);
        }
    }

    /** Every page that holds a row of the table starts it with the table's header. */
    private static void assertHeaderOnEveryPageWith(PDDocument pdf, String row, String header) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String text = stripper.getText(pdf);
            if (text.contains(row)) {
                assertTrue(text.indexOf(header) >= 0 && text.indexOf(header) < text.indexOf(row),
                        "page " + page + " has rows without the header:\n" + text);
            }
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
