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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServiceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EmailsPageTest {
    private static final String EMAIL = "0b7e5a10-0000-4000-8000-00000000000a";
    private static final String ACCOUNT = "6d1f3c2a-0000-4000-8000-000000000003";

    @InjectServiceStubs
    ServiceStubs services;

    @BeforeEach
    void services() {
        services.forgetAll();
        services.notification().answer("GET", "/notifications", 200,
                page(email("FAILED", 15, "535 authentication failed")));
    }

    @Test
    void the_failed_emails_show_with_their_last_error_and_a_retry_button_each() {
        String session = Sessions.operator();
        Document page = emails(session, "/operations/emails");
        Element row = page.selectFirst("tr.email[data-notification-id=" + EMAIL + "]");
        assertEquals("FAILED", row.attr("data-status"));
        assertTrue(row.text().contains("535 authentication failed"), row.text());
        assertTrue(row.text().contains("MAIN-000042"));
        assertEquals(1, row.select("button.retry-email").size());
        assertEquals("status=FAILED&size=100", services.notification().seen("GET", "/notifications").get(0).query());
        assertEquals("Bearer " + session, services.notification().seen("GET", "/notifications").get(0)
                .authorization());
    }

    @Test
    void a_retried_email_comes_back_on_the_page_with_its_new_status() {
        services.notification().answer("POST", "/notifications/" + EMAIL + "/retry", 200,
                email("PENDING", 0, null));
        String session = Sessions.operator();
        String back = Sessions.as(session).post("/operations/emails/" + EMAIL + "/retry").then().statusCode(303)
                .extract().header("Location");
        assertEquals("Bearer " + session, services.notification().seen("POST", "/notifications/" + EMAIL + "/retry")
                .get(0).authorization());

        services.notification().answer("GET", "/notifications", 200, page(email("PENDING", 0, null)));
        Element pending = emails(session, back).selectFirst("#retried tr.email[data-notification-id=" + EMAIL + "]");
        assertEquals("PENDING", pending.attr("data-status"));
        assertEquals("true", pending.closest("#retried").attr("data-running"), "the page follows it");
        assertTrue(services.notification().seen("GET", "/notifications").stream()
                .anyMatch(seen -> ("accountId=" + ACCOUNT + "&size=500").equals(seen.query())));

        services.notification().answer("GET", "/notifications", 200, page(email("SENT", 1, null)));
        Element sent = emails(session, back).selectFirst("#retried tr.email[data-notification-id=" + EMAIL + "]");
        assertEquals("SENT", sent.attr("data-status"));
        assertTrue(sent.select("td.status").text().startsWith("Sent"), sent.text());
        assertEquals("false", sent.closest("#retried").attr("data-running"));
    }

    @Test
    void every_failed_email_is_retried_at_once_and_the_page_says_how_many() {
        services.notification().answer("POST", "/notifications/retry-failed", 200, "{\"retried\":3}");
        String session = Sessions.operator();
        String back = Sessions.as(session).post("/operations/emails/retry-failed").then().statusCode(303)
                .extract().header("Location");
        assertTrue(emails(session, back).getElementById("outcome").text().contains("3 failed emails taken up again"));
    }

    @Test
    void a_retry_the_service_refuses_is_shown_with_its_reason() {
        services.notification().answer("POST", "/notifications/" + EMAIL + "/retry", 409, """
                {"type":"https://ardoise.dev/problems/not-failed","title":"Only a failed email can be retried",
                 "status":409,"detail":"notification %s is SENT","notificationStatus":"SENT"}""".formatted(EMAIL));
        String html = Sessions.as(Sessions.operator()).post("/operations/emails/" + EMAIL + "/retry")
                .then().statusCode(409).extract().asString();
        assertTrue(Jsoup.parse(html).getElementById("refusal").text().contains("notification " + EMAIL + " is SENT"));
    }

    @Test
    void the_page_speaks_french() {
        Document page = Jsoup.parse(Sessions.as(Sessions.operator()).cookie("ardoise-language", "fr")
                .get("/operations/emails").then().statusCode(200).extract().asString());
        assertEquals("Courriels en échec", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("tr.email td.status").text().startsWith("En échec"));
        assertEquals("Réessayer", page.selectFirst("button.retry-email").text());
    }

    private static Document emails(String session, String path) {
        return Jsoup.parse(Sessions.as(session).get(path).then().statusCode(200).extract().asString());
    }

    private static String page(String email) {
        return "{\"items\":[" + email + "],\"page\":0,\"size\":100,\"total\":1}";
    }

    private static String email(String status, int attempts, String lastError) {
        return """
                {"notificationId":"%s","accountId":"%s","invoiceId":"inv-1","invoiceNumber":"MAIN-000042",
                 "kind":"INVOICE","subjectKey":"invoice","recipient":"marie@example.com","language":"fr-CA",
                 "status":"%s","attempts":%d,"lastError":%s,"retriedBy":"ops","retriedByRole":"OPERATOR",
                 "createdAt":"2026-12-01T10:00:00Z","sentAt":null}""".formatted(EMAIL, ACCOUNT, status, attempts,
                lastError == null ? "null" : "\"" + lastError + "\"");
    }
}
