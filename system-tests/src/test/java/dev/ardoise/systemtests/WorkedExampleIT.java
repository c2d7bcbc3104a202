package dev.ardoise.systemtests;

import dev.ardoise.localstack.LocalStack;
import dev.ardoise.localstack.StackSettings;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merchant's worked example, end to end: the three services run as separate processes from their built
 * jars, on one real PostgreSQL, one real Kafka broker and one real SMTP server, all started by the local stack.
 */
class WorkedExampleIT {
    private static LocalStack stack;
    private static String accounts;
    private static String invoices;
    private static String notifications;
    private static MailInbox inbox;

    @BeforeAll
    static void startArdoise() {
        Path home = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = new StackSettings(home, home.resolve("system-tests/target/stack"),
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), false);
        stack = LocalStack.start(settings);
        accounts = settings.serviceUrl(settings.accountPort());
        invoices = settings.serviceUrl(settings.invoicePort());
        notifications = settings.serviceUrl(settings.notificationPort());
        inbox = new MailInbox(settings.mailApiUrl());
    }

    @AfterAll
    static void stopArdoise() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void limit_charges_and_deposit_give_the_merchants_figures_and_invoices_go_only_to_the_consenting_customer()
            throws Exception {
        String marie = "marie." + UUID.randomUUID() + "@example.com";
        String jean = "jean." + UUID.randomUUID() + "@example.com";
        String marieAccount = openAccount("Marie Tremblay", marie, true, "fr-CA");
        String jeanAccount = openAccount("Jean Roy", jean, false, "en");

        charge(marieAccount, "sale-1", "400.00", 201);
        charge(marieAccount, "sale-2", "300.00", 201);
        charge(jeanAccount, "sale-3", "50.00", 201);
        given().contentType(ContentType.JSON)
                .body(Map.of("depositId", "dep-1", "amount", "200.00", "purpose", "SPECIAL_ORDER"))
                .post(accounts + "/accounts/{id}/deposits", marieAccount).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(invoices + "/accounts/{id}/balance", marieAccount).then().statusCode(200)
                        .body("creditLimit", equalTo("1000.00"))
                        .body("balance", equalTo("-700.00"))
                        .body("depositBalance", equalTo("200.00"))
                        .body("available", equalTo("300.00")));

        charge(marieAccount, "sale-4", "300.01", 422)
                .body("available", equalTo("300.00"))
                .contentType("application/problem+json");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<MailInbox.Mail> mails = inbox.messagesTo(marie);
            assertEquals(2, mails.size(), mails.toString());
            String all = mails.get(0).text() + mails.get(1).text();
            assertTrue(all.contains("400,00 $"), all);
            assertTrue(all.contains("300,00 $"), all);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(notifications + "/notifications?accountId={id}", jeanAccount).then().statusCode(200)
                        .body("items.size()", equalTo(1))
                        .body("items[0].status", equalTo("SKIPPED"))
                        .body("items[0].reason", equalTo("NO_CONSENT")));
        assertEquals(List.of(), inbox.messagesTo(jean));
    }

    private static String openAccount(String name, String email, boolean consent, String language) {
        String accountId = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-" + UUID.randomUUID(), "name", name, "email", email,
                        "emailConsent", consent, "language", language, "currency", "CAD"))
                .post(accounts + "/accounts").then().statusCode(201).extract().path("accountId");
        given().contentType(ContentType.JSON).header("X-Actor-Role", "MANAGER").body(Map.of("creditLimit", "1000.00"))
                .put(accounts + "/accounts/{id}/credit-limit", accountId).then().statusCode(200);
        return accountId;
    }

    private static io.restassured.response.ValidatableResponse charge(String accountId, String saleId, String amount,
                                                                      int expectedStatus) {
        return given().contentType(ContentType.JSON).body(Map.of("saleId", saleId, "amount", amount))
                .post(accounts + "/accounts/{id}/charges", accountId).then().statusCode(expectedStatus);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
