package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer pays an invoice from its email, on the local stack (docs/payments.md): a sale on account, the invoice
 * email at the stack's SMTP server with its PDF (the number, the customer and the amount in the file's text), its
 * payment link, the pay page with what is still due, "Pay now", the test
 * provider's page, "Pay (test)", whose signed callback account-service records; then the invoice is PAID in
 * invoice-service, the balance is back to zero, and the same link says "paid"; "Pay (test)" again (the provider
 * retrying) records no second payment. Plain HTTP, as a browser would send it.
 */
@ExtendWith(Ardoise.class)
class PayByLinkIT {
    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/pay\\?token=[A-Za-z0-9_.-]+)");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final String cashier = Ardoise.tokens().of("CASHIER").user("lea").register("R1").sign();
    private final String manager = Ardoise.tokens().of("MANAGER").user("anne").sign();
    private final String viewer = Ardoise.tokens().viewer();

    @Test
    void the_customer_pays_the_invoice_from_the_emails_link_and_the_same_link_then_says_paid() throws Exception {
        String email = "claire." + UUID.randomUUID() + "@example.com";
        String account = openAccount(email);
        JsonPath charged = given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("saleId", "sale-" + UUID.randomUUID(), "amount", "452.25"))
                .post(accounts() + "/accounts/{id}/charges", account).then().statusCode(201).extract().jsonPath();
        String invoiceId = charged.getString("invoiceId");
        String invoiceNumber = charged.getString("invoiceNumber");

        MailInbox.Mail invoiceEmail = invoiceEmailTo(email);
        assertInvoicePdf(invoiceEmail, invoiceNumber);
        String link = linkIn(invoiceEmail);
        Response payPage = browser().get(link);
        assertEquals(200, payPage.statusCode(), payPage.asString());
        assertShows(payPage, "Quincaillerie Ardoise", "Claire Tremblay", "452,25 $", "Montant dû maintenant",
                "Payer 452,25 $ maintenant");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        Response toProvider = browser().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post(notifications() + "/pay");
        assertEquals(303, toProvider.statusCode(), toProvider.asString());
        String checkout = URI.create(notifications() + "/pay").resolve(toProvider.header("Location")).toString();
        Response providerPage = browser().get(checkout);
        assertEquals(200, providerPage.statusCode(), providerPage.asString());
        assertShows(providerPage, "TEST PAYMENT PROVIDER: no money moves", "452,25 $", "Payer (test)");

        Response paid = browser().post(checkout + "/pay");
        assertEquals(303, paid.statusCode(), "the test provider's callback was refused: " + paid.asString());
        assertEquals(link.replace("/pay?token=", "/pay/return?token="), paid.header("Location"));

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(viewer)
                .get(invoices() + "/invoices/{id}", invoiceId).then().statusCode(200)
                .body("status", equalTo("PAID")).body("owed", equalTo("0.00")).body("paid", equalTo("452.25")));
        given().auth().oauth2(viewer).get(invoices() + "/accounts/{id}/balance", account).then().statusCode(200)
                .body("balance", equalTo("0.00"));
        JsonPath events = eventsOf(account);
        List<Map<String, Object>> payments = events.getList("findAll { it.type == 'PaymentReceived' }");
        assertEquals(1, payments.size(), payments.toString());
        assertEquals("ONLINE", events.getString("find { it.type == 'PaymentReceived' }.data.method"));
        assertTrue(events.getString("find { it.type == 'PaymentReceived' }.data.paymentId").startsWith("test:tp_"),
                "the provider's payment id, in its own namespace: " + payments);
        assertEquals("payment-provider:test",
                events.getString("find { it.type == 'PaymentReceived' }.metadata.actor.userId"));

        assertShows(browser().get(link), "Cette facture est payée");
        assertShows(browser().get(paid.header("Location")), "Cette facture est payée");
        // the provider retries its callback: the same checkout paid again records nothing more. account-service
        // has recorded (or not) before it answers the callback, so its events say it at once.
        int recorded = events.getList("").size();
        browser().post(checkout + "/pay").then().statusCode(303);
        JsonPath afterRetry = eventsOf(account);
        assertEquals(1, afterRetry.getList("findAll { it.type == 'PaymentReceived' }").size(),
                afterRetry.getList("").toString());
        assertEquals(recorded, afterRetry.getList("").size(), "the retry recorded something");
    }

    private JsonPath eventsOf(String account) {
        return given().auth().oauth2(manager).get(accounts() + "/accounts/{id}/events", account)
                .then().statusCode(200).extract().jsonPath();
    }

    private String openAccount(String email) {
        String accountId = given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Claire Tremblay", "email", email,
                        "emailConsent", true, "language", "fr-CA", "currency", "CAD"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("creditLimit", "1000.00"))
                .put(accounts() + "/accounts/{id}/credit-limit", accountId).then().statusCode(200);
        return accountId;
    }

    private static MailInbox.Mail invoiceEmailTo(String address) {
        MailInbox inbox = Ardoise.inbox();
        await().atMost(PATIENCE).until(() -> !inbox.messagesTo(address).isEmpty());
        try {
            return inbox.messagesTo(address).get(0);
        } catch (Exception e) {
            throw new AssertionError("cannot read the invoice email", e);
        }
    }

    /** The invoice as a file the customer keeps: its PDF, read back from the message the SMTP server received. */
    private static void assertInvoicePdf(MailInbox.Mail mail, String invoiceNumber) {
        assertEquals(List.of(invoiceNumber + ".pdf"),
                mail.attachments().stream().map(MailInbox.Attachment::fileName).toList());
        String pdf = mail.attachments().get(0).pdfText();
        for (String expected : List.of(invoiceNumber, "Claire Tremblay", "452,25 $")) {
            assertTrue(pdf.contains(expected), "expected «" + expected + "» in the invoice PDF:\n" + pdf);
        }
    }

    private static String linkIn(MailInbox.Mail mail) {
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), "no payment link in the invoice email:\n" + mail.text());
        assertTrue(link.group(1).startsWith(notifications() + "/pay?token="), link.group(1));
        return link.group(1);
    }

    private static RequestSpecification browser() {
        return given().redirects().follow(false).header("Accept-Language", "fr-CA,fr;q=0.9");
    }

    private static void assertShows(Response page, String... expected) {
        String text = page.asString().replace('\u00a0', ' ').replace('\u202f', ' ');
        for (String part : expected) {
            assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
        }
    }
}
