package dev.ardoise.account.payments;

import dev.ardoise.http.ProviderSignature;
import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.manager;
import static dev.ardoise.account.Register.openAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The provider's signed callback records the payment once, ONLINE, as the system in the account's store; anything
 * unsigned, altered, stale or in another currency changes nothing (each checked on the account's events).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProviderCallbackTest {
    private static final String SECRET = "test-secret-for-provider-callbacks";
    private static final ProviderSignature PROVIDER = new ProviderSignature(SECRET, Clock.systemUTC());
    private static final String PROBLEMS = "https://ardoise.dev/problems/";

    private String accountId;
    private String invoiceId;
    /** The events of the opening and the sale. */
    private int before;

    @BeforeEach
    void anAccountOwing452_25OnOneInvoice() {
        accountId = openAccount("5000.00");
        invoiceId = charge(accountId, "sale-" + UUID.randomUUID(), "452.25").statusCode(201).extract()
                .path("invoiceId");
        before = events().size();
    }

    private String callback(String paymentId, String amount, String currency) {
        return "{\"paymentId\":\"" + paymentId + "\",\"accountId\":\"" + accountId + "\",\"invoiceId\":\""
                + invoiceId + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}";
    }

    private static ValidatableResponse send(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header(ProviderSignature.HEADER, signature);
        }
        return request.post("/payment-provider/callbacks").then();
    }

    private static String signedNow(String body) {
        return PROVIDER.header(Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse sendSigned(String body) {
        return send(body, signedNow(body));
    }

    private JsonPath account() {
        return manager().get("/accounts/{id}", accountId).then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> events() {
        return manager().get("/accounts/{id}/events", accountId).then().statusCode(200).extract().jsonPath()
                .getList("");
    }

    private void unchanged(ValidatableResponse answer, int status, String type) {
        answer.statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));
        assertEquals(before, events().size(), "only the opening and the sale");
        assertEquals("452.25", account().getString("owed"));
    }

    @Test
    void a_signed_callback_records_the_payment_online_on_the_invoice_as_the_provider_in_the_accounts_store() {
        sendSigned(callback("tp_first", "452.25", "CAD")).statusCode(200)
                .body("paymentId", equalTo("tp_first")).body("recorded", equalTo(true));

        assertEquals(before + 1, events().size());
        JsonPath payment = JsonPath.from(manager().get("/accounts/{id}/events?after=" + before, accountId)
                .asString());
        assertEquals("PaymentReceived", payment.getString("[0].type"));
        assertEquals("test:tp_first", payment.getString("[0].data.paymentId"), "the provider's own namespace");
        assertEquals("452.25", payment.getString("[0].data.amount"));
        assertEquals("ONLINE", payment.getString("[0].data.method"));
        assertEquals("test tp_first", payment.getString("[0].data.reference"));
        assertEquals(invoiceId, payment.getString("[0].data.allocations[0].invoiceId"));
        assertEquals("SYSTEM", payment.getString("[0].metadata.actor.role"));
        assertEquals("payment-provider:test", payment.getString("[0].metadata.actor.userId"));
        assertEquals("MAIN", payment.getString("[0].metadata.actor.storeId"));
        assertEquals("0.00", account().getString("owed"));
    }

    @Test
    void the_same_callback_again_answers_the_same_and_records_nothing_more() {
        String body = callback("tp_again", "100.00", "CAD");
        sendSigned(body).statusCode(200).body("recorded", equalTo(true));

        sendSigned(body).statusCode(200).body("paymentId", equalTo("tp_again")).body("recorded", equalTo(true));

        assertEquals(before + 1, events().size());
        assertEquals("352.25", account().getString("owed"));
    }

    @Test
    void a_providers_payment_id_never_meets_a_cashiers_same_id() {
        manager().contentType(ContentType.JSON).body(Map.of("paymentId", "tp_shared", "amount", "100.00",
                "method", "CASH", "invoiceId", invoiceId)).post("/accounts/{id}/payments", accountId).then()
                .statusCode(201);

        sendSigned(callback("tp_shared", "50.00", "CAD")).statusCode(200).body("recorded", equalTo(true));

        List<Map<String, Object>> after = events();
        assertEquals(before + 2, after.size(), "the cashier's payment and the provider's, neither taken for the other");
        assertEquals("302.25", account().getString("owed"));
        JsonPath recorded = JsonPath.from(manager().get("/accounts/{id}/events?after=" + before, accountId)
                .asString());
        assertEquals(List.of("tp_shared", "test:tp_shared"), recorded.getList("data.paymentId"));
    }

    @Test
    void an_unsigned_callback_changes_nothing() {
        unchanged(send(callback("tp_unsigned", "452.25", "CAD"), null), 401, "unauthenticated");
    }

    @Test
    void a_wrong_signature_or_a_body_changed_after_signing_changes_nothing() {
        String body = callback("tp_wrong", "452.25", "CAD");
        String foreign = new ProviderSignature("not-the-providers-secret", Clock.systemUTC())
                .header(Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));

        unchanged(send(body, foreign), 401, "unauthenticated");
        unchanged(send(callback("tp_wrong", "1.00", "CAD"), signedNow(body)), 401, "unauthenticated");
    }

    @Test
    void a_callback_signed_more_than_five_minutes_ago_changes_nothing() {
        String body = callback("tp_stale", "452.25", "CAD");
        String stale = PROVIDER.header(Instant.now().minusSeconds(301).getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));

        unchanged(send(body, stale), 401, "unauthenticated");
    }

    @Test
    void a_payment_in_another_currency_is_refused_naming_the_currency_and_changes_nothing() {
        unchanged(sendSigned(callback("tp_usd", "452.25", "USD")), 422, "other-currency");
    }

    @Test
    void a_malformed_body_an_unknown_account_or_a_body_past_4_kb_changes_nothing() {
        unchanged(sendSigned("{\"paymentId\":\"tp_bad\",\"accountId\":\"" + accountId + "\",\"invoiceId\":\""
                + invoiceId + "\",\"amount\":\"lots\",\"currency\":\"CAD\"}"), 400, "invalid-request");
        sendSigned(callback("tp_bad", "1.00", "CAD").replace(accountId, UUID.randomUUID().toString()))
                .statusCode(404);
        unchanged(sendSigned(callback("tp_big", "1.00", "CAD").replace("}", ",\"note\":\"" + "x".repeat(4096)
                + "\"}")), 413, "body-too-large");
    }
}
