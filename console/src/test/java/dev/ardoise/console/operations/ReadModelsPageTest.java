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
class ReadModelsPageTest {
    private static final String NONE = """
            {"rebuildId":null,"state":"NONE","startedAt":null,"finishedAt":null,"recordsRead":0,"malformedSkipped":0,
             "accounts":0,"parkedAccounts":0,"rounds":0,"elapsedMillis":0,"eventsPerSecond":0,"error":null}""";
    private static final String FOLDING = """
            {"rebuildId":"rb-1","state":"FOLDING","startedAt":"2026-12-01T10:00:00Z","finishedAt":null,
             "recordsRead":48000,"malformedSkipped":1,"accounts":2800,"parkedAccounts":0,"rounds":1,
             "elapsedMillis":4000,"eventsPerSecond":12000,"error":null}""";

    @InjectServiceStubs
    ServiceStubs services;

    @BeforeEach
    void services() {
        services.forgetAll();
        services.invoice().answer("GET", "/admin/rebuild", 200, NONE);
    }

    @Test
    void a_rebuild_is_started_with_the_operators_token_and_its_progress_followed() {
        String session = Sessions.operator();
        Element none = page(session, "/operations/read-models").getElementById("rebuild-progress");
        assertEquals("NONE", none.attr("data-state"));
        assertEquals("false", none.attr("data-running"));

        services.invoice().answer("POST", "/admin/rebuild", 202, FOLDING).answer("GET", "/admin/rebuild", 200, FOLDING);
        Sessions.as(session).post("/operations/read-models/rebuild").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/operations/read-models"));
        assertEquals("Bearer " + session, services.invoice().seen("POST", "/admin/rebuild").get(0).authorization());

        Element folding = page(session, "/operations/read-models").getElementById("rebuild-progress");
        assertEquals("FOLDING", folding.attr("data-state"));
        assertEquals("true", folding.attr("data-running"), "the page follows it");
        assertEquals("48000", folding.selectFirst("dd.records-read").text());
        assertTrue(folding.text().contains("Folding the topic"));
    }

    @Test
    void a_reconciliation_shows_what_it_found_per_account() {
        services.invoice().answer("POST", "/admin/reconciliation", 200, """
                {"accountsChecked":3,"batches":1,"differencesFound":1,
                 "differences":[{"accountId":"6d1f3c2a-0000-4000-8000-000000000004","field":"owed",
                                 "expected":"700.00","actual":"650.00"}],
                 "skipped":[],"gaps":[{"accountId":"6d1f3c2a-0000-4000-8000-000000000005","foldedTo":3,
                                        "firstWaiting":5,"waiting":2}]}""");
        String session = Sessions.operator();
        Document page = Jsoup.parse(Sessions.as(session).post("/operations/read-models/reconciliation")
                .then().statusCode(200).extract().asString());
        Element result = page.getElementById("reconciliation-result");
        assertEquals("1", result.attr("data-differences"));
        assertTrue(result.text().contains("3 accounts checked, 1 differences found."), result.text());
        Element difference = result.selectFirst("tr.difference[data-account-id=6d1f3c2a-0000-4000-8000-000000000004]");
        assertEquals("owed 700.00 650.00", difference.select("td").eachText().subList(1, 4).stream()
                .reduce((a, b) -> a + " " + b).orElse(""));
        assertTrue(result.select("ul.gaps").text().contains("6d1f3c2a-0000-4000-8000-000000000005"));
        assertEquals("Bearer " + session, services.invoice().seen("POST", "/admin/reconciliation").get(0)
                .authorization());
    }

    @Test
    void a_service_that_refuses_is_shown_as_it_is() {
        services.invoice().answer("POST", "/admin/reconciliation", 403, """
                {"title":"Forbidden","status":403,"detail":"only an OPERATOR may reconcile"}""");
        Element result = Jsoup.parse(Sessions.as(Sessions.operator()).post("/operations/read-models/reconciliation")
                .then().statusCode(200).extract().asString()).getElementById("reconciliation-result");
        assertTrue(result.text().contains("invoice-service did not do it: only an OPERATOR may reconcile"),
                result.text());
    }

    private static Document page(String session, String path) {
        return Jsoup.parse(Sessions.as(session).get(path).then().statusCode(200).extract().asString());
    }
}
