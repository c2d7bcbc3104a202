package dev.ardoise.console.operations;

import dev.ardoise.testing.KafkaResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServiceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ParkedPageTest {
    private static final String ACCOUNT = "6d1f3c2a-0000-4000-8000-000000000001";
    private static final String WAITING = "6d1f3c2a-0000-4000-8000-000000000002";

    @InjectServiceStubs
    ServiceStubs services;

    @BeforeEach
    void services() {
        services.forgetAll();
        services.account().answer("GET", "/admin/parked-accounts", 200, "[]")
                .answer("GET", "/admin/skipped-events", 200, "[]");
        services.invoice().answer("GET", "/admin/parked-accounts", 200, """
                        [{"accountId":"%s","storeId":"MAIN","version":2,"eventType":"SaleCharged",
                          "reason":"value out of range: due date 5874898-01-01","parkedAt":"2026-12-01T10:00:00Z",
                          "triedAt":"2026-12-01T10:00:01Z","waiting":3},
                         {"accountId":"%s","storeId":"MAIN","version":4,"eventType":null,
                          "reason":"version 4 never arrived (skipped by the relay's operator, or not yet published)",
                          "parkedAt":"2026-12-01T11:00:00Z","triedAt":null,"waiting":1}]""".formatted(ACCOUNT, WAITING))
                .answer("GET", "/admin/skipped-events", 200, """
                        [{"accountId":"%s","version":1,"eventType":"DepositAdded","parkedReason":"bad amount",
                          "reason":"deposit re-entered by hand","skippedBy":"zoe","skippedAt":"2026-11-30T09:00:00Z"}]
                        """.formatted(WAITING));
        services.notification().answer("GET", "/admin/parked-accounts", 200, "[]")
                .answer("GET", "/admin/skipped-events", 200, "[]");
    }

    @Test
    void each_services_parked_accounts_show_with_why_and_what_waits_behind() {
        String session = Sessions.operator();
        Document page = page(session);
        Element parked = page.selectFirst("tr.parked[data-service=invoice-service][data-account-id=" + ACCOUNT + "]");
        assertTrue(parked.text().contains("value out of range: due date 5874898-01-01"), parked.text());
        assertEquals("2", parked.attr("data-version"));
        assertEquals("3", parked.selectFirst("td.amount").text());
        assertEquals(1, parked.select("form.retry-parked").size());
        assertEquals(1, parked.select("form.skip-parked input[name=reason]").size());
        assertEquals(2, page.select("tr.parked").size());
        assertTrue(page.selectFirst("tr.skipped-event[data-account-id=" + WAITING + "]").text()
                .contains("deposit re-entered by hand"));
        assertTrue(page.select("#parked-relay").text().contains("No parked account."));
        for (ServiceStubs.Stub service : List.of(services.account(), services.invoice(), services.notification())) {
            assertEquals("Bearer " + session, service.seen("GET", "/admin/parked-accounts").get(0).authorization(),
                    "the operator's own token");
        }
    }

    @Test
    void a_retry_goes_to_the_service_that_parked_the_account_with_the_operators_token_and_says_what_it_did() {
        services.invoice().answer("POST", "/admin/parked-accounts/" + ACCOUNT + "/retry", 200,
                "{\"accountId\":\"" + ACCOUNT + "\",\"outcome\":\"APPLIED\",\"lastVersion\":5,\"parked\":null}");
        String session = Sessions.operator();
        String back = Sessions.as(session).post("/operations/parked/invoice-service/" + ACCOUNT + "/retry")
                .then().statusCode(303).extract().header("Location");

        assertEquals("Bearer " + session, services.invoice().seen("POST", "/admin/parked-accounts/" + ACCOUNT
                + "/retry").get(0).authorization());
        assertTrue(back.endsWith("/operations/parked?service=invoice-service&account=" + ACCOUNT + "&outcome=APPLIED"),
                back);
        Element outcome = Jsoup.parse(Sessions.as(session).get(back).then().statusCode(200).extract().asString())
                .getElementById("outcome");
        assertEquals("APPLIED", outcome.attr("data-outcome"));
        assertTrue(outcome.text().contains("Applied: the event and those waiting behind it are applied."));
    }

    @Test
    void a_skip_sends_the_version_and_reason_and_a_refusal_of_the_service_is_shown_as_it_is() {
        services.invoice().answer("POST", "/admin/parked-accounts/" + ACCOUNT + "/skip", 409, """
                {"type":"https://ardoise.dev/problems/wrong-version","title":"Wrong version","status":409,
                 "detail":"account is parked at version 2, not 3","field":"version","parkedAt":2}""");
        String session = Sessions.operator();
        String page = Sessions.as(session).formParam("version", "3").formParam("reason", "invoice reissued")
                .post("/operations/parked/invoice-service/" + ACCOUNT + "/skip").then().statusCode(409)
                .extract().asString();

        assertEquals("{\"version\":3,\"reason\":\"invoice reissued\"}",
                services.invoice().seen("POST", "/admin/parked-accounts/" + ACCOUNT + "/skip").get(0).body());
        String refusal = Jsoup.parse(page).getElementById("refusal").text();
        assertTrue(refusal.contains("invoice-service did not do it: account is parked at version 2, not 3"), refusal);
    }

    @Test
    void a_skip_without_a_reason_is_refused_before_any_service_is_called() {
        String page = Sessions.as(Sessions.operator()).formParam("version", "2").formParam("reason", "")
                .post("/operations/parked/relay/" + ACCOUNT + "/skip").then().statusCode(400).extract().asString();
        assertEquals("reason", Jsoup.parse(page).getElementById("refusal").attr("data-field"));
        assertTrue(services.account().seen("POST", "/admin/parked-accounts/" + ACCOUNT + "/skip").isEmpty());
        Sessions.as(Sessions.operator()).post("/operations/parked/somewhere/" + ACCOUNT + "/retry")
                .then().statusCode(404);
    }

    @Test
    void a_service_that_cannot_be_reached_is_said_so_and_the_others_still_show() {
        services.notification().answer("GET", "/admin/parked-accounts", 503, """
                {"title":"Reader unavailable","status":503,"detail":"the reader's database could not be reached"}""");
        Document page = page(Sessions.operator());
        String refusal = page.select("#parked-notification-service .refusal").text();
        assertTrue(refusal.contains("notification-service did not do it: the reader's database could not be reached"),
                refusal);
        assertEquals(2, page.select("tr.parked[data-service=invoice-service]").size());
    }

    @Test
    void an_answer_that_cannot_be_read_is_said_not_answered_without_the_exceptions_words() {
        services.account().answer("POST", "/admin/parked-accounts/" + ACCOUNT + "/retry", 200, "{not json");
        String page = Sessions.as(Sessions.operator()).post("/operations/parked/relay/" + ACCOUNT + "/retry")
                .then().extract().asString();

        String refusal = Jsoup.parse(page).getElementById("refusal").text();
        assertTrue(refusal.contains("account-service did not do it: it did not answer; nothing was changed."),
                refusal);
        assertFalse(page.contains("Unexpected character") || page.contains("Exception"), refusal);
    }

    private static Document page(String session) {
        return Jsoup.parse(Sessions.as(session).get("/operations/parked").then().statusCode(200).extract().asString());
    }
}
