package dev.ardoise.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real headless Chromium, on the shared stack: the local stack's users sign in with its password
 * and do what issue 14 asks of the console, reading what the page shows (amounts from their {@code data-amount}).
 * The data each step needs is made beforehand through the services' APIs, as registers and the back office would.
 * The run leaves screenshots of the main pages in {@code system-tests/target/screenshots/} (docs/images/console/).
 */
@ExtendWith(Ardoise.class)
class ConsoleBrowserIT {
    private static final Duration PATIENCE = Browser.PATIENCE;
    /** The promise: a register's charge is in the operator's live feed within a second. */
    private static final Duration LIVE = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String cashier = Ardoise.tokens().of("CASHIER").user("lea").register("R1").sign();
    private final String manager = Ardoise.tokens().of("MANAGER").user("anne").sign();
    private final String viewer = Ardoise.tokens().of("VIEWER").user("bob").sign();

    /** An account of store MAIN, as the worked example has Marie's. */
    private record Customer(String accountId, String customerId, String email) {
    }

    @Test
    void a_manager_finds_marie_sees_her_figures_to_the_cent_and_raises_her_limit() {
        Customer marie = workedExample();

        try (Browser anne = Browser.start(Ardoise.console())) {
            anne.signIn("anne", Ardoise.consolePassword());
            assertEquals("/accounts", anne.path(), "a manager lands on her store's accounts");
            assertEquals("MANAGER", anne.text("#user-role"));
            anne.awaitThat("the store's accounts listed", PATIENCE, () -> anne.has("table#accounts tr.account"));
            anne.language("en").screenshot("accounts");

            anne.fill("#q", marie.customerId() + Keys.ENTER);
            anne.awaitThat("Marie alone in the list", PATIENCE, () -> accountIds(anne).equals(List.of(marie.accountId())));
            anne.find("tr.account a.account-link").click();
            anne.awaitThat("Marie's page", PATIENCE, () -> anne.path().equals("/accounts/" + marie.accountId())
                    && anne.text("#customer-name").equals("Marie Tremblay"));
            assertEquals("1000.00", anne.amount("#credit-limit"));
            assertEquals("-700.00", anne.amount("#balance"));
            assertEquals("200.00", anne.amount("#deposit-balance"));
            assertEquals("300.00", anne.amount("#available"));
            anne.screenshot("account");
            anne.language("fr").width(390, 844).screenshot("account-390-fr");
            anne.width(1280, 900);

            anne.fill("#new-limit", "1500.00");
            anne.find("#set-limit button").click();
            anne.awaitThat("the limit's outcome", PATIENCE, () -> anne.has("#outcome"));
            assertEquals("1500.00", anne.amount("#credit-limit"));
            assertEquals("800.00", anne.amount("#available"));
        }
    }

    @Test
    void a_viewer_sees_no_action_and_the_same_request_sent_with_his_session_is_refused_leaving_the_limit() throws Exception {
        Customer marie = workedExample();
        Map<String, String> anneRaises;
        Map<String, String> bobForces;
        String setLimit;
        try (Browser anne = Browser.start(Ardoise.console())) {
            anne.signIn("anne", Ardoise.consolePassword()).open("/accounts/" + marie.accountId());
            anne.awaitThat("the set-limit form", PATIENCE, () -> anne.has("form.action#set-limit"));
            setLimit = anne.find("#set-limit").getDomAttribute("action");
            anneRaises = fields(anne.find("#set-limit"));
            // the form as the manager's page renders it, sent outside the browser with her session: it is taken, so
            // the same request with the viewer's session below differs in the session alone
            anneRaises.put(anne.find("#new-limit").getDomAttribute("name"), "1200.00");
            assertTrue(post(setLimit, anneRaises, anne.sessionCookie()).statusCode() < 400, "the manager's own request");
            assertEquals("1200.00", creditLimit(marie));
            anne.open("/accounts/" + marie.accountId());
            anne.awaitThat("the set-limit form again", PATIENCE, () -> anne.has("form.action#set-limit"));
            bobForces = fields(anne.find("#set-limit"));
            bobForces.put(anne.find("#new-limit").getDomAttribute("name"), "5000.00");
        }

        try (Browser bob = Browser.start(Ardoise.console())) {
            bob.signIn("bob", Ardoise.consolePassword()).open("/accounts/" + marie.accountId());
            bob.awaitThat("Marie's page", PATIENCE, () -> bob.text("#customer-name").equals("Marie Tremblay"));
            assertEquals("-700.00", bob.amount("#balance"), "a viewer reads the account");
            assertEquals(List.of(), bob.findAll("form.action"), "a viewer is shown no action");
            assertEquals(List.of(), bob.findAll("button.resend-invoice"), "a viewer is shown no action");

            HttpResponse<String> forced = post(setLimit, bobForces, bob.sessionCookie());
            assertEquals(403, forced.statusCode(), forced.body());
        }
        assertEquals("1200.00", creditLimit(marie), "the viewer's forced action changed the limit");
    }

    @Test
    void another_stores_manager_finds_no_marie_and_her_page_is_not_found() {
        Customer marie = workedExample();

        try (Browser claire = Browser.start(Ardoise.console())) {
            claire.signIn("claire", Ardoise.consolePassword());
            claire.fill("#q", marie.customerId() + Keys.ENTER);
            claire.awaitThat("the search answered", PATIENCE, () -> claire.path().contains("q=" + marie.customerId()));
            assertEquals(List.of(), accountIds(claire), "LAVAL's manager sees an account of MAIN");
            claire.open("/accounts/" + marie.accountId());
            claire.awaitThat("the not-found page", PATIENCE, () -> claire.has("#not-found"));
            assertTrue(!claire.has("#customer-name") && !claire.has("#balance"), "MAIN's account shown to LAVAL");
        }
    }

    @Test
    void a_charge_at_a_register_shows_in_the_operators_live_feed_within_a_second_of_its_answer() {
        String account = openAccount("Luc Gagnon", "luc." + UUID.randomUUID() + "@example.com", false).accountId();
        String limitChanged = feedEvent(account, "CreditLimitSet") + " .amount[data-amount='1100.00']";
        String charged = feedEvent(account, "SaleCharged");

        try (Browser ops = Browser.start(Ardoise.console())) {
            ops.signIn("ops", Ardoise.consolePassword());
            assertEquals("/operations", ops.path(), "an operator lands on the dashboard");
            ops.awaitThat("the live feed following the topic", PATIENCE, () -> ops.has("#feed[data-live='true']"));
            // an event of this account after the feed said it was live (the events of before come with the page):
            // once it shows, the feed is flowing to the page
            given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("creditLimit", "1100.00"))
                    .put(accounts() + "/accounts/{id}/credit-limit", account).then().statusCode(200);
            ops.awaitThat("the limit change in the feed", PATIENCE, () -> ops.has(limitChanged));

            given().auth().oauth2(cashier).contentType(ContentType.JSON)
                    .body(Map.of("saleId", "R1-" + UUID.randomUUID(), "amount", "45.00"))
                    .post(accounts() + "/accounts/{id}/charges", account).then().statusCode(201);
            long answered = System.nanoTime();
            ops.awaitThat("the charge in the feed within " + LIVE + " of its answer", LIVE, () -> ops.has(charged));
            System.out.printf("ConsoleBrowserIT: the charge showed in the live feed %d ms after its answer%n",
                    Duration.ofNanos(System.nanoTime() - answered).toMillis());

            // the lag, read with the console's own Kafka login: each reader's partitions, and the relay's seconds
            ops.awaitThat("each reader's lag per partition and the outbox lag", PATIENCE, () ->
                    ops.findAll("#lag-table tr.lag[data-group='invoice-service'][data-partition]").size() == 3
                    && ops.findAll("#lag-table tr.lag[data-group='notification-service'][data-partition]").size() == 3
                    && !ops.find("#outbox-lag").getDomAttribute("data-seconds").isEmpty());
            ops.language("en");
            ops.awaitThat("the English page with the feed and the lag", PATIENCE, () -> ops.has(charged)
                    && ops.has("#lag-table tr.lag"));
            ops.screenshot("operations");
        }
    }

    @Test
    void an_email_that_failed_while_the_mail_server_was_down_is_retried_from_the_dashboard_and_then_sent()
            throws Exception {
        Customer paul = openAccount("Paul Morin", "paul." + UUID.randomUUID() + "@example.com", true);
        String notification;
        Ardoise.stopMailServer();
        try {
            charge(paul, "120.00");
            notification = await("the invoice email FAILED").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> failedEmail(paul), id -> id != null);
        } finally {
            Ardoise.startMailServer();
        }
        String row = "tr.email[data-notification-id='" + notification + "']";

        try (Browser ops = Browser.start(Ardoise.console())) {
            ops.signIn("ops", Ardoise.consolePassword()).language("en").open("/operations/emails");
            ops.awaitThat("the failed email listed", PATIENCE, () -> "FAILED".equals(status(ops, row)));
            ops.screenshot("emails");
            ops.find(row + " button.retry-email").click();
            // the page comes back with the retried email's row, which follows it by itself until it is sent
            ops.awaitThat("the retried email's row SENT", PATIENCE, () -> "SENT".equals(status(ops, row)));
        }
        await("the invoice in Paul's mailbox").atMost(PATIENCE).untilAsserted(() -> {
            List<MailInbox.Mail> mails = Ardoise.inbox().messagesTo(paul.email());
            assertEquals(1, mails.size(), mails.toString());
            assertTrue(mails.get(0).text().contains("120.00"), mails.get(0).text());
        });
    }

    @Test
    void an_operator_sees_why_a_registers_sale_was_dead_lettered_and_marks_it_handled_with_a_reason() throws Exception {
        String account = openAccount("Anne-Marie Roy", "anne-marie." + UUID.randomUUID() + "@example.com", false)
                .accountId();
        String saleId = "POS-" + UUID.randomUUID();
        Map<String, Object> answer = PosRegister.sell(account, saleId, """
                {"saleId":"%s","accountId":"%s","amount":"25.00"}""".formatted(saleId, account), null);
        assertEquals("DECLINED", answer.get("outcome"), answer.toString());
        String row = "tr.dead-letter[data-topic='pos-sales.dlq']";

        try (Browser ops = Browser.start(Ardoise.console())) {
            ops.signIn("ops", Ardoise.consolePassword()).language("en").open("/operations/dead-letters");
            ops.awaitThat("the declined sale among pos-sales.dlq's dead letters", PATIENCE, Duration.ofMillis(500),
                    () -> deadLetterOf(ops, row, account) != null || deadLetterOf(ops.reload(), row, account) != null);
            WebElement letter = deadLetterOf(ops, row, account);
            assertTrue(letter.getText().contains("NO_VALID_TOKEN"), letter.getText());
            String offset = letter.getDomAttribute("data-offset");
            String partition = letter.getDomAttribute("data-partition");
            ops.screenshot("dead-letters");

            letter.findElement(By.cssSelector("input[name=reason]"))
                    .sendKeys("register R2 had no token; sale rung up again");
            letter.findElement(By.cssSelector("form.skip-dead-letter button")).click();
            String marked = row + "[data-partition='" + partition + "'][data-offset='" + offset + "']";
            ops.awaitThat("the dead letter marked handled", PATIENCE, () -> ops.has("#outcome")
                    && "true".equals(ops.find(marked).getDomAttribute("data-handled")));
            assertTrue(ops.find(marked).getText().contains("register R2 had no token; sale rung up again"));
        }
    }

    /** The worked example: a limit of 1,000.00, sales of 400.00 and 300.00, a deposit of 200.00; read models caught up. */
    private Customer workedExample() {
        Customer marie = openAccount("Marie Tremblay", "marie." + UUID.randomUUID() + "@example.com", false);
        charge(marie, "400.00");
        charge(marie, "300.00");
        given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("depositId", "D-" + UUID.randomUUID(), "amount", "200.00", "purpose", "SPECIAL_ORDER"))
                .post(accounts() + "/accounts/{id}/deposits", marie.accountId()).then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(viewer)
                .get(invoices() + "/accounts/{id}/balance", marie.accountId()).then().statusCode(200)
                .body("balance", equalTo("-700.00"))
                .body("depositBalance", equalTo("200.00"))
                .body("available", equalTo("300.00")));
        return marie;
    }

    /** A cashier opens the account, the manager sets a limit of 1,000.00. */
    private Customer openAccount(String name, String email, boolean consent) {
        String customerId = "C-" + UUID.randomUUID();
        String accountId = given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "name", name, "email", email, "emailConsent", consent,
                        "language", "en", "currency", "CAD"))
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("creditLimit", "1000.00"))
                .put(accounts() + "/accounts/{id}/credit-limit", accountId).then().statusCode(200);
        return new Customer(accountId, customerId, email);
    }

    private void charge(Customer customer, String amount) {
        given().auth().oauth2(cashier).contentType(ContentType.JSON)
                .body(Map.of("saleId", "R1-" + UUID.randomUUID(), "amount", amount))
                .post(accounts() + "/accounts/{id}/charges", customer.accountId()).then().statusCode(201);
    }

    /** The limit as account-service, the truth, has it. */
    private String creditLimit(Customer customer) {
        return given().auth().oauth2(manager).get(accounts() + "/accounts/{id}", customer.accountId()).then()
                .statusCode(200).extract().path("creditLimit");
    }

    /** The id of the customer's FAILED email, or null while there is none. */
    private String failedEmail(Customer customer) {
        List<String> failed = given().auth().oauth2(viewer)
                .get(notifications() + "/notifications?accountId={id}&status=FAILED", customer.accountId()).then()
                .statusCode(200).extract().jsonPath().getList("items.notificationId");
        return failed.isEmpty() ? null : failed.get(0);
    }

    /** The row of pos-sales.dlq keyed by the account, or null while there is none. */
    private static WebElement deadLetterOf(Browser browser, String rows, String accountId) {
        return browser.findAll(rows).stream().filter(row -> row.getText().contains(accountId)).findFirst()
                .orElse(null);
    }

    private static String feedEvent(String accountId, String type) {
        return "#feed .feed-event[data-account-id='" + accountId + "'][data-type='" + type + "']";
    }

    private static List<String> accountIds(Browser browser) {
        return browser.findAll("table#accounts tr.account").stream()
                .map(row -> row.getDomAttribute("data-account-id")).toList();
    }

    private static String status(Browser browser, String row) {
        return browser.has(row) ? browser.find(row).getDomAttribute("data-status") : null;
    }

    /** Every named input of a form, as the page rendered it (its hidden idempotency key among them). */
    private static Map<String, String> fields(WebElement form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (WebElement input : form.findElements(By.cssSelector("input[name]"))) {
            fields.put(input.getDomAttribute("name"), input.getDomProperty("value"));
        }
        return fields;
    }

    /** A form's request sent by a plain HTTP client with a session cookie, from the console's own origin. */
    private static HttpResponse<String> post(String path, Map<String, String> fields, String session) throws Exception {
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Ardoise.console() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", Ardoise.console())
                .header("Cookie", "ardoise-session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
