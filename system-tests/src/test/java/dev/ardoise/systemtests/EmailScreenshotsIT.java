package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer's emails as a mail client shows them, in a real headless Chromium at 600 px (a desktop client's
 * reading pane) and 360 px (a phone), in French and English: a sale with lines, taxes and part paid from the deposit
 * at the till, its invoice email and a statement of the month as the local stack's SMTP server received them, and the
 * reminder the service would send seven days after the due date (its preview: the stack's clock cannot reach a
 * reminder's day). Each HTML part is saved in {@code system-tests/target/emails/} and shown from there; the
 * screenshots are left in {@code system-tests/target/screenshots/email-*.png} (docs/images/emails/).
 */
@ExtendWith(Ardoise.class)
class EmailScreenshotsIT {
    private static final Duration PATIENCE = Browser.PATIENCE;
    private static final Path EMAILS = Ardoise.home().resolve("system-tests/target/emails");
    /** The store's calendar (STORE_TIME_ZONE's default): the statement's month and its last day so far. */
    private static final ZoneId STORE = ZoneId.of("America/Toronto");
    private final String cashier = Ardoise.tokens().of("CASHIER").user("lea").register("R1").sign();
    private final String manager = Ardoise.tokens().of("MANAGER").user("anne").sign();

    @Test
    void the_invoice_the_reminder_and_the_statement_read_at_600_and_360_px_in_french_and_english() throws Exception {
        for (String language : List.of("fr", "en")) {
            String email = "ines." + UUID.randomUUID() + "@example.com";
            String accountId = openAccount(language.equals("fr") ? "Inès Bouchard" : "Ines Bouchard", email,
                    language.equals("fr") ? "fr-CA" : "en");
            Invoice sold = sale(accountId);
            boolean french = language.equals("fr");

            String invoice = awaitHtml(email, french ? "Facture" : "Invoice");
            assertShows(invoice, sold.number(), french ? "109,18 $" : "$109.18", french ? "-50,00 $" : "-$50.00",
                    french ? "Payer maintenant" : "Pay now");
            shoot("invoice-" + language, invoice);

            String reminder = reminderPreview(sold.id());
            assertShows(reminder, sold.number(), french ? "109,18 $" : "$109.18",
                    french ? "depuis 7 jours" : "7 days ago");
            shoot("reminder-" + language, reminder);

            requestStatementOfThisMonth(accountId);
            shoot("statement-" + language, awaitHtml(email, language.equals("fr") ? "Relevé" : "Account statement"));
        }
    }

    /** A cashier opens the account with consent to email; the manager sets a limit of 1,000.00. */
    private String openAccount(String name, String email, String language) {
        String accountId = given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", name, "email", email,
                        "emailConsent", true, "language", language, "currency", "CAD"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("creditLimit", "1000.00"))
                .put(accounts() + "/accounts/{id}/credit-limit", accountId).then().statusCode(200);
        return accountId;
    }

    private record Invoice(String id, String number) {
    }

    /**
     * A deposit of 100.00, then a sale of three lines with taxes (159.18) of which 50.00 paid from the deposit at the
     * till.
     */
    private Invoice sale(String accountId) {
        given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("depositId", "D-" + UUID.randomUUID().toString().substring(0, 8), "amount", "100.00",
                        "purpose", "SPECIAL_ORDER"))
                .post(accounts() + "/accounts/{id}/deposits", accountId).then().statusCode(201);
        Map<String, Object> charged = given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("saleId", "R1-" + UUID.randomUUID(), "amount", "159.18", "terms", "NET_30",
                        "depositToApply", "50.00", "lines", List.of(
                                line("Peinture d'intérieur, 3,78 L", "2", "54.99", "16.47"),
                                line("Rouleau 10 mm", "3", "6.49", "2.92"),
                                line("Ruban de masquage", "1", "8.99", "1.35"))))
                .post(accounts() + "/accounts/{id}/charges", accountId).then().statusCode(201)
                .body("depositApplied", equalTo("50.00")).extract().jsonPath().getMap("$");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(manager)
                .get(invoices() + "/accounts/{id}/balance", accountId).then().statusCode(200)
                .body("balance", equalTo("-109.18")).body("depositBalance", equalTo("50.00")));
        return new Invoice((String) charged.get("invoiceId"), (String) charged.get("invoiceNumber"));
    }

    /** The email's HTML holds these words (its amounts' no-break spaces read as spaces). */
    private static void assertShows(String html, String... words) {
        String shown = html.replace('\u202F', ' ').replace('\u00A0', ' ').replace("&nbsp;", " ");
        for (String word : words) {
            assertTrue(shown.contains(word), "expected «" + word + "» in:\n" + html);
        }
    }

    private static Map<String, String> line(String description, String quantity, String unitPrice, String tax) {
        return Map.of("description", description, "quantity", quantity, "unitPrice", unitPrice, "tax", tax);
    }

    /** The reminder of seven days after the due date, rendered by notification-service as it would send it now. */
    private String reminderPreview(String invoiceId) {
        return await("the reminder's preview").atMost(PATIENCE).until(() -> given().auth().oauth2(manager)
                .queryParam("kind", "REMINDER").queryParam("format", "html").queryParam("offset", 7)
                .get(notifications() + "/invoices/{id}/email-preview", invoiceId), answer -> answer.statusCode() == 200)
                .asString();
    }

    /** This month so far: an account opened by the test has no month before this one to tell. */
    private void requestStatementOfThisMonth(String accountId) {
        LocalDate today = LocalDate.now(STORE);
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("from", today.withDayOfMonth(1).toString(), "to", today.toString()))
                .post(notifications() + "/accounts/{id}/statements", accountId).then().statusCode(202);
    }

    private static String awaitHtml(String address, String subjectStart) {
        List<String> received = await("the email «" + subjectStart + "» at " + address).atMost(PATIENCE)
                .until(() -> Ardoise.inbox().htmlTo(address, subjectStart), found -> !found.isEmpty());
        assertEquals(1, received.size());
        return received.get(0);
    }

    /** The email shown in Chromium at 600 and at 360 px wide, each screenshot of its whole height. */
    private static void shoot(String name, String html) throws IOException {
        Files.createDirectories(EMAILS);
        Files.writeString(EMAILS.resolve(name + ".html"), html);
        try (Browser browser = Browser.start(EMAILS.toUri().toString())) {
            browser.open(name + ".html");
            browser.awaitThat("the email shown", PATIENCE, () -> browser.has("table"));
            browser.width(600, 900).screenshot("email-" + name + "-600");
            browser.width(360, 800).screenshot("email-" + name + "-360");
        }
    }
}
