package dev.ardoise.account.api;

import dev.ardoise.account.MovableClock;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.manager;
import static dev.ardoise.account.Register.openAccount;
import static dev.ardoise.account.Register.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every refusal is a problem+json that says what and why, and changes nothing. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RefusalsTest {
    private static final String PROBLEMS = "https://ardoise.dev/problems/";

    @Inject
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type)).body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    private static ValidatableResponse declined(ValidatableResponse response, String reason, String available) {
        return problem(response, 422, "charge-declined").body("reason", equalTo(reason))
                .body("available", equalTo(available));
    }

    private static void unchanged(String accountId, int version) {
        cashier().get("/accounts/{id}", accountId).then().body("version", equalTo(version));
    }

    private static String invoiceOf(String accountId, String saleId, String amount) {
        return charge(accountId, saleId, amount).statusCode(201).extract().path("invoiceId");
    }

    @Test
    void bad_input_names_the_field() {
        String accountId = openAccount("100.00");

        problem(post(cashier(), accountId, "charges", Map.of("amount", "1.00")), 400, "invalid-request")
                .body("field", equalTo("saleId")).body("reason", equalTo("is required"));
        problem(post(cashier(), accountId, "charges", Map.of("saleId", "s1", "amount", "50.00",
                "lines", List.of(Map.of("description", "Paint", "quantity", "2", "unitPrice", "20.00",
                        "tax", "6.00")))), 400, "invalid-request")
                .body("field", equalTo("lines")).body("reason", containsString("46.00"));
        problem(post(cashier(), accountId, "payments", Map.of("paymentId", "p1", "amount", "1.00",
                "method", "BITCOIN")), 400, "invalid-request").body("field", equalTo("method"));
        problem(post(cashier(), accountId, "holds", Map.of("holdId", "h1", "amount", "1.00",
                "expiresInSeconds", 0)), 400, "invalid-request").body("field", equalTo("expiresInSeconds"));
        problem(post(cashier(), accountId, "payments", Map.of("paymentId", "p1", "amount", "1.00", "method", "CASH",
                "invoiceId", "nope")), 400, "invalid-request").body("field", equalTo("invoiceId"));
        problem(cashier().get("/accounts/{id}?asOf=yesterday", accountId).then(), 400, "invalid-request")
                .body("field", equalTo("asOf"));
        unchanged(accountId, 2);
    }

    @Test
    void an_unknown_account_is_not_found() {
        problem(charge(UUID.randomUUID().toString(), "s1", "1.00"), 404, "not-found");
        problem(cashier().get("/accounts?customerId=nobody-" + UUID.randomUUID()).then(), 404, "not-found");
    }

    @Test
    void a_key_reused_for_another_request_is_a_conflict_naming_the_key() {
        String accountId = openAccount("100.00");
        post(cashier(), accountId, "deposits", Map.of("depositId", "d1", "amount", "10.00")).statusCode(201);

        problem(post(cashier(), accountId, "deposits", Map.of("depositId", "d1", "amount", "11.00")), 409,
                "idempotency-key-reused").body("key", equalTo("d1"));
        unchanged(accountId, 3);
    }

    @Test
    void manager_operations_are_forbidden_to_a_cashier_whatever_the_headers_claim() {
        String accountId = openAccount("100.00");

        problem(cashier().body(Map.of("creditLimit", "5000.00")).put("/accounts/{id}/credit-limit", accountId)
                .then(), 403, "forbidden");
        for (String path : List.of("refunds", "adjustments", "write-offs", "overrides", "suspension", "closure",
                "deposit-returns")) {
            problem(post(cashier(), accountId, path, Map.of()), 403, "forbidden");
        }
        problem(cashier().header("X-Actor-Role", "MANAGER").header("X-User-Id", "boss")
                .body(Map.of("creditLimit", "5000.00")).put("/accounts/{id}/credit-limit", accountId).then(),
                403, "forbidden");
        problem(cashier().body(Map.of("name", "Marie", "email", "thief@example.com", "language", "fr-CA"))
                .put("/accounts/{id}/customer", accountId).then(), 403, "forbidden");
        unchanged(accountId, 2);
        String customer = "C-" + UUID.randomUUID();
        problem(cashier().body(Map.of("customerId", customer, "name", "Jean", "language", "en",
                "currency", "CAD", "creditLimit", "5000.00")).post("/accounts").then(), 403, "forbidden");
        cashier().get("/accounts?customerId={c}", customer).then().statusCode(404);
    }

    @Test
    void the_back_office_reads_and_changes_nothing() {
        String accountId = openAccount("100.00");
        var viewer = as(Tokens.viewer());

        viewer.get("/accounts/{id}", accountId).then().statusCode(200).body("creditLimit", equalTo("100.00"));
        problem(post(as(Tokens.viewer()), accountId, "charges", Map.of("saleId", "s1", "amount", "1.00")), 403,
                "forbidden");
        problem(post(as(Tokens.operator()), accountId, "payments", Map.of("paymentId", "p1", "amount", "1.00",
                "method", "CASH")), 403, "forbidden");
        unchanged(accountId, 2);
    }

    @Test
    void a_charge_to_an_account_without_a_limit_is_declined() {
        String accountId = cashier().body(Map.of("customerId", "C-" + UUID.randomUUID(),
                "name", "Jean", "language", "en", "currency", "CAD")).post("/accounts").then().extract()
                .path("accountId");

        declined(charge(accountId, "s1", "1.00"), "NO_CREDIT_LIMIT", "0.00");
    }

    @Test
    void a_charge_over_the_available_credit_is_declined_with_the_available_amount() {
        String accountId = openAccount("100.00");
        charge(accountId, "s1", "60.00").statusCode(201);

        declined(charge(accountId, "s2", "40.01"), "OVER_AVAILABLE", "40.00");
        unchanged(accountId, 3);
    }

    @Test
    void a_suspended_account_declines_and_a_closed_one_too() {
        String accountId = openAccount("100.00");
        post(manager(), accountId, "suspension", Map.of("reason", "cheque bounced")).statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        declined(charge(accountId, "s1", "1.00"), "ACCOUNT_SUSPENDED", "0.00");
        declined(post(cashier(), accountId, "holds", Map.of("holdId", "h1", "amount", "1.00")), "ACCOUNT_SUSPENDED",
                "0.00");

        manager().delete("/accounts/{id}/suspension", accountId).then().statusCode(200).body("status", equalTo("OPEN"));
        post(manager(), accountId, "closure", Map.of()).statusCode(200).body("status", equalTo("CLOSED"));
        declined(charge(accountId, "s1", "1.00"), "ACCOUNT_CLOSED", "0.00");
        problem(post(cashier(), accountId, "payments", Map.of("paymentId", "p1", "amount", "1.00", "method", "CASH")),
                422, "account-closed");
    }

    @Test
    void an_account_with_something_owed_or_held_cannot_be_closed() {
        String accountId = openAccount("100.00");
        charge(accountId, "s1", "1.00").statusCode(201);

        problem(post(manager(), accountId, "closure", Map.of()), 422, "account-not-closable");
        unchanged(accountId, 3);
    }

    @Test
    void the_store_rule_declines_charges_when_an_invoice_is_too_long_overdue_unless_a_manager_overrides() {
        var strictCashier = as(Tokens.of("CASHIER").stores("STRICT").sign());
        String accountId = openAccount(Tokens.of("MANAGER").stores("STRICT").sign(), "1000.00");
        String mainAccountId = openAccount("1000.00");
        post(strictCashier, accountId, "charges", Map.of("saleId", "s1", "amount", "100.00",
                "terms", "DUE_ON_RECEIPT")).statusCode(201)
                .body("invoiceNumber", org.hamcrest.Matchers.startsWith("STRICT-"));
        post(cashier(), mainAccountId, "charges", Map.of("saleId", "s1", "amount", "100.00",
                "terms", "DUE_ON_RECEIPT")).statusCode(201)
                .body("invoiceNumber", org.hamcrest.Matchers.startsWith("MAIN-"));
        clock.advance(Duration.ofDays(2));

        declined(post(as(Tokens.of("CASHIER").stores("STRICT").sign()).header("X-Store-Id", "MAIN"), accountId,
                "charges", Map.of("saleId", "s2", "amount", "10.00")), "OVERDUE_INVOICES", "900.00");
        charge(mainAccountId, "s3", "10.00").statusCode(201);

        post(as(Tokens.of("MANAGER").stores("STRICT").sign()), accountId, "overrides", Map.of("overrideId", "o1",
                "amount", "50.00", "reasonCode", "TRUSTED_CUSTOMER")).statusCode(201);
        post(as(Tokens.of("CASHIER").stores("STRICT").sign()), accountId, "charges", Map.of("saleId", "s2",
                "amount", "10.00", "overrideId", "o1")).statusCode(201).body("overrideId", equalTo("o1"));
        declined(post(as(Tokens.of("CASHIER").stores("STRICT").sign()), accountId, "charges", Map.of("saleId", "s4",
                "amount", "10.00", "overrideId", "o1")), "OVERRIDE_NOT_USABLE", "890.00");
    }

    @Test
    void a_charge_capturing_a_voided_hold_is_declined_and_a_void_of_a_captured_hold_refused() {
        String accountId = openAccount("100.00");
        post(cashier(), accountId, "holds", Map.of("holdId", "h1", "amount", "30.00")).statusCode(201);
        post(cashier(), accountId, "holds/h1/void", Map.of()).statusCode(200);
        post(cashier(), accountId, "holds", Map.of("holdId", "h2", "amount", "30.00")).statusCode(201);
        post(cashier(), accountId, "charges", Map.of("saleId", "s1", "amount", "30.00", "holdId", "h2"))
                .statusCode(201);

        declined(post(cashier(), accountId, "charges", Map.of("saleId", "s2", "amount", "10.00", "holdId", "h1")),
                "HOLD_ENDED", "70.00");
        problem(post(cashier(), accountId, "holds/h2/void", Map.of()), 422, "hold-ended");
    }

    @Test
    void deposit_refusals_say_what_there_is() {
        String accountId = openAccount("100.00");
        invoiceOf(accountId, "s1", "50.00");
        post(cashier(), accountId, "deposits", Map.of("depositId", "d1", "amount", "80.00")).statusCode(201);

        declined(post(cashier(), accountId, "charges", Map.of("saleId", "s2", "amount", "90.00",
                "depositToApply", "80.01")), "INSUFFICIENT_DEPOSIT", "80.00");
        problem(post(cashier(), accountId, "deposit-applications", Map.of("applicationId", "a1", "amount", "50.01")),
                422, "more-than-owed");
        problem(post(manager(), accountId, "deposit-returns", Map.of("returnId", "r1", "amount", "80.01",
                "method", "CASH")), 422, "insufficient-deposit-balance");
        unchanged(accountId, 4);
    }

    @Test
    void refunds_adjustments_and_write_offs_refuse_what_the_invoice_does_not_allow() {
        String accountId = openAccount("100.00");
        String invoiceId = invoiceOf(accountId, "s1", "50.00");

        problem(post(manager(), accountId, "refunds", Map.of("refundId", "rf1", "invoiceId", invoiceId,
                "amount", "50.01")), 422, "refund-over-invoice");
        problem(post(manager(), accountId, "adjustments", Map.of("adjustmentId", "adj1", "direction", "CREDIT",
                "amount", "50.01", "reasonCode", "GOODWILL")), 422, "more-than-owed");
        post(manager(), accountId, "write-offs", Map.of("writeOffId", "w1", "invoiceId", invoiceId,
                "reasonCode", "UNCOLLECTABLE")).statusCode(201);
        problem(post(manager(), accountId, "write-offs", Map.of("writeOffId", "w2", "invoiceId", invoiceId,
                "reasonCode", "UNCOLLECTABLE")), 422, "invoice-written-off");
        String paidInvoice = invoiceOf(accountId, "s2", "10.00");
        post(cashier(), accountId, "payments", Map.of("paymentId", "p1", "amount", "10.00", "method", "CASH"))
                .statusCode(201);
        problem(post(manager(), accountId, "write-offs", Map.of("writeOffId", "w3", "invoiceId", paidInvoice,
                "reasonCode", "UNCOLLECTABLE")), 422, "nothing-owed");
    }
}
