package dev.ardoise.notification.it;

import dev.ardoise.events.SaleCharged;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.SmtpResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ardoise.notification.it.AccountEventsFixture.chargedWithTaxes;
import static dev.ardoise.notification.it.AccountEventsFixture.deposit;
import static dev.ardoise.notification.it.AccountEventsFixture.depositAtTheTill;
import static dev.ardoise.notification.it.AccountEventsFixture.limit;
import static dev.ardoise.notification.it.AccountEventsFixture.opened;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML part and the plain-text part of the same real message (sent through GreenMail, read back) carry the same
 * figures: a customer whose mail client shows the text part reads the invoice the HTML reader sees. The HTML is read as
 * a mail client shows it (jsoup, the text of its cells); the figures are also held to the expected amounts, so that
 * two parts wrong in the same way fail too.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PeerServicesStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EmailFiguresTest extends FreshAccountTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** An invoice's figures as a customer reads them. */
    record InvoiceFigures(String number, List<LineFigures> lines, String subtotal, String taxes, String total,
                          String alreadyPaid, String dueDate, String amountDue, AccountAfter after) {
    }

    /** The account after the sale's whole command: balance, deposit balance, available credit. */
    record AccountAfter(String balance, String deposits, String available) {
    }

    record LineFigures(String description, String quantity, String unitPrice, String tax, String total) {
    }

    record ReminderFigures(String number, String total, String owed, String dueDate) {
    }

    record StatementFigures(String opening, List<String> lines, String closing, String owed, String overdue,
                            String depositBalance) {
    }

    @Test
    void the_french_invoice_says_the_same_in_html_and_in_text() {
        SaleCharged sale = paidPartlyFromTheDeposit("fr-CA");

        Mailbox.Email email = awaitOne("Facture");

        InvoiceFigures html = invoiceInHtml(email.html());
        assertEquals(new InvoiceFigures(sale.invoiceNumber(), List.of(
                new LineFigures("Peinture, 4 L", "2", "500,00 $", "149,75 $", "1 149,75 $"),
                new LineFigures("Rouleau", "3", "10,00 $", "4,49 $", "34,49 $")),
                "1 030,00 $", "154,24 $", "1 184,24 $", "-150,00 $", "29 décembre 2026", "1 034,24 $",
                new AccountAfter("-1 034,24 $", "50,00 $", "1 965,76 $")), html);
        assertEquals(html, invoiceInText(email.text(), FRENCH));
    }

    @Test
    void the_english_invoice_says_the_same_in_html_and_in_text() {
        SaleCharged sale = paidPartlyFromTheDeposit("en");

        Mailbox.Email email = awaitOne("Invoice");

        InvoiceFigures html = invoiceInHtml(email.html());
        assertEquals(new InvoiceFigures(sale.invoiceNumber(), List.of(
                new LineFigures("Peinture, 4 L", "2", "$500.00", "$149.75", "$1,149.75"),
                new LineFigures("Rouleau", "3", "$10.00", "$4.49", "$34.49")),
                "$1,030.00", "$154.24", "$1,184.24", "-$150.00", "December 29, 2026", "$1,034.24",
                new AccountAfter("-$1,034.24", "$50.00", "$1,965.76")), html);
        assertEquals(html, invoiceInText(email.text(), ENGLISH));
    }

    @Test
    void a_french_reminder_says_the_same_in_html_and_in_text() {
        SaleCharged sale = paidPartlyFromTheDeposit("fr-CA");
        awaitOne("Facture");

        clock.set(LocalDateTime.of(2026, 12, 26, 9, 0));
        Mailbox.Email reminder = awaitOne("Rappel");

        ReminderFigures html = reminderInHtml(reminder.html());
        assertEquals(new ReminderFigures(sale.invoiceNumber(), "1 184,24 $", "1 034,24 $", "29 décembre 2026"), html);
        assertEquals(html, reminderInText(reminder.text(), FRENCH));
    }

    @Test
    void a_french_statement_says_the_same_in_html_and_in_text() {
        events.publish(accountId, 1, opened("lea@" + domain, true, "fr-CA"));
        await().atMost(PATIENCE).untilAsserted(() -> As.manager().contentType(ContentType.JSON)
                .body(Map.of("from", "2026-10-01", "to", "2026-10-31"))
                .when().post("/accounts/{id}/statements", accountId)
                .then().statusCode(202));

        Mailbox.Email statement = awaitOne("Relevé");

        StatementFigures html = statementInHtml(statement.html());
        assertEquals(new StatementFigures("-700,00 $",
                List.of("Paiement P-0009 | 300,00 $ | -400,00 $", "Facture MAIN-000007 | -1 120,50 $ | -1 520,50 $"),
                "-1 520,50 $", "1 520,50 $", "120,50 $", "0,00 $"), withoutDates(html));
        assertEquals(html, statementInText(statement.text(), FRENCH));
    }

    /** A limit, a deposit of 200.00, and the sale with taxes of 1,184.24 of which 150.00 paid from it at the till. */
    private SaleCharged paidPartlyFromTheDeposit(String language) {
        SaleCharged sale = chargedWithTaxes();
        events.publish(accountId, 1, opened("claire@" + domain, true, language));
        events.publish(accountId, 2, limit("3000.00"));
        events.publish(accountId, 3, deposit("200.00"));
        events.publishTogether(accountId, 4, sale, depositAtTheTill(sale, "150.00"));
        return sale;
    }

    private Mailbox.Email awaitOne(String subjectStart) {
        await().atMost(PATIENCE).until(() -> mailbox.emails(subjectStart).size() == 1);
        return mailbox.emails(subjectStart).get(0);
    }

    // ---- the HTML part, as shown: the text of the cells the template marks

    private static InvoiceFigures invoiceInHtml(String html) {
        Document page = Jsoup.parse(html);
        List<LineFigures> lines = page.select("tr.line").stream().map(line -> new LineFigures(
                cell(line, ".description"), cell(line, ".quantity"), cell(line, ".unit-price"), cell(line, ".tax"),
                cell(line, ".line-total"))).toList();
        return new InvoiceFigures(same(page, ".invoice-number"), lines, same(page, ".subtotal"), same(page, ".taxes"),
                same(page, ".total"), same(page, ".already-paid"), same(page, ".due-date"), same(page, ".amount-due"),
                new AccountAfter(same(page, ".balance-after"), same(page, ".deposits-after"),
                        same(page, ".available-after")));
    }

    private static ReminderFigures reminderInHtml(String html) {
        Document page = Jsoup.parse(html);
        assertEquals(same(page, ".owed"), same(page, ".amount-due"), "the amount standing out is what is owed");
        return new ReminderFigures(same(page, ".invoice-number"), same(page, ".total"), same(page, ".owed"),
                same(page, ".due-date"));
    }

    private static StatementFigures statementInHtml(String html) {
        Document page = Jsoup.parse(html);
        List<String> lines = page.select("tr.line").stream().map(line -> cell(line, ".date") + " | "
                + cell(line, ".description") + " | " + cell(line, ".amount") + " | "
                + cell(line, ".running-balance")).toList();
        assertEquals(same(page, ".owed"), same(page, ".amount-due"), "the amount standing out is what is owed");
        return new StatementFigures(same(page, ".opening-balance"), lines, same(page, ".closing-balance"),
                same(page, ".owed"), same(page, ".overdue"), same(page, ".deposit-balance"));
    }

    /** The text of every element matching {@code css}: found, and the same wherever the page shows it. */
    private static String same(Document page, String css) {
        List<String> shown = page.select(css).stream().map(EmailFiguresTest::shown).distinct().toList();
        assertEquals(1, shown.size(), css + " shows " + shown);
        return shown.get(0);
    }

    private static String cell(Element row, String css) {
        return shown(row.selectFirst(css));
    }

    private static String shown(Element element) {
        return Mailbox.spaces(element.text()).strip();
    }

    private static StatementFigures withoutDates(StatementFigures figures) {
        return new StatementFigures(figures.opening(), figures.lines().stream()
                .map(line -> line.substring(line.indexOf(" | ") + 3)).toList(), figures.closing(), figures.owed(),
                figures.overdue(), figures.depositBalance());
    }

    // ---- the text part, read line by line with each language's labels

    /** The words of the text part that introduce each figure. */
    record Labels(String invoiceHeading, String lineSeparator, String tax, String subtotal, String taxes,
                  String total, String alreadyPaid, String dueDate, String amountDue, String reminderTotal, String owed,
                  String opening, String runningBalance, String closing, String overdue, String depositBalance,
                  Pattern accountAfter) {
    }

    private static final Labels FRENCH = new Labels("FACTURE", " : ", "taxes", "Sous-total : ", "Taxes : ",
            "Total : ", "Déjà payé : ", "Date d'échéance : ", "Montant dû : ", "Total de la facture : ",
            "Montant encore dû : ", "Solde d'ouverture : ", "solde", "Solde de clôture : ", "dont en retard : ",
            "Solde de dépôt : ", Pattern.compile(
                    "(?m)^Votre compte après cet achat : solde (.+?), dépôts (.+?), crédit disponible (.+)\\.$"));
    private static final Labels ENGLISH = new Labels("INVOICE", ": ", "tax", "Subtotal: ", "Taxes: ", "Total: ",
            "Already paid: ", "Due date: ", "Amount due: ", "Invoice total: ", "Amount still owed: ",
            "Opening balance: ", "balance", "Closing balance: ", "of which overdue: ", "Deposit balance: ",
            Pattern.compile("(?m)^Your account after this purchase: balance (.+?), deposits (.+?), "
                    + "available credit (.+)\\.$"));

    private static InvoiceFigures invoiceInText(String text, Labels labels) {
        Pattern line = Pattern.compile("(?m)^- (.+?)" + Pattern.quote(labels.lineSeparator())
                + "(\\S+) x (.+?), " + labels.tax() + " (.+?), total (.+)$");
        Matcher lines = line.matcher(text);
        List<LineFigures> found = new ArrayList<>();
        while (lines.find()) {
            found.add(new LineFigures(lines.group(1), lines.group(2), lines.group(3), lines.group(4),
                    lines.group(5).strip()));
        }
        return new InvoiceFigures(after(text, labels.invoiceHeading() + " "), found, after(text, labels.subtotal()),
                after(text, labels.taxes()), after(text, labels.total()), after(text, labels.alreadyPaid()),
                after(text, labels.dueDate()),
                after(text, labels.amountDue()), accountAfterInText(text, labels));
    }

    private static AccountAfter accountAfterInText(String text, Labels labels) {
        Matcher after = labels.accountAfter().matcher(text);
        assertTrue(after.find(), "the account after the sale in:\n" + text);
        return new AccountAfter(after.group(1), after.group(2), after.group(3).strip());
    }

    private static ReminderFigures reminderInText(String text, Labels labels) {
        String heading = labels == FRENCH ? "Facture : " : "Invoice: ";
        return new ReminderFigures(after(text, heading), after(text, labels.reminderTotal()),
                after(text, labels.owed()), dueDateOfReminder(text, labels));
    }

    private static String dueDateOfReminder(String text, Labels labels) {
        Matcher due = Pattern.compile(labels == FRENCH ? "payable le (.+?), " : "due on (.+?), ").matcher(text);
        assertTrue(due.find(), text);
        return due.group(1);
    }

    private static StatementFigures statementInText(String text, Labels labels) {
        Matcher line = Pattern.compile("(?m)^(.+?)  (.+?)  (.+?)  " + labels.runningBalance() + " (.+)$")
                .matcher(text);
        List<String> lines = new ArrayList<>();
        while (line.find()) {
            lines.add(line.group(1) + " | " + line.group(2) + " | " + line.group(3) + " | " + line.group(4).strip());
        }
        String owed = after(text, labels.amountDue());
        Matcher overdue = Pattern.compile(Pattern.quote(labels.overdue()) + "(.+?)\\)").matcher(owed);
        assertTrue(overdue.find(), owed);
        return new StatementFigures(after(text, labels.opening()), lines, after(text, labels.closing()),
                owed.substring(0, owed.indexOf(" (")), overdue.group(1), after(text, labels.depositBalance()));
    }

    /** The rest of the one line that starts with {@code label} (or holds it after a date). */
    private static String after(String text, String label) {
        Matcher found = Pattern.compile("(?m)^(?:.*  )?" + Pattern.quote(label) + "(.+)$").matcher(text);
        assertTrue(found.find(), "«" + label + "» in:\n" + text);
        String value = found.group(1).strip();
        assertTrue(!found.find(), "«" + label + "» more than once in:\n" + text);
        return value;
    }
}
