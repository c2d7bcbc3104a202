package dev.ardoise.account.api;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ardoise.account.Register.as;
import static dev.ardoise.account.Register.cashier;
import static dev.ardoise.account.Register.charge;
import static dev.ardoise.account.Register.openAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account's history is read a page at a time, in version order, each page naming the next in its Link header. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HistoryPagesTest {
    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    private static final int SALES = 8;

    @Test
    void following_the_next_links_reads_every_event_once_in_order_and_the_last_page_names_none() {
        String accountId = openAccount("1000.00");
        for (int sale = 1; sale <= SALES; sale++) {
            charge(accountId, "history-" + sale, "1.00").statusCode(201);
        }
        int events = 2 + SALES;

        List<Integer> versions = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String page = "/accounts/" + accountId + "/events?limit=3";
        while (page != null) {
            Response answer = cashier().get(page).then().statusCode(200).extract().response();
            List<Integer> onPage = answer.jsonPath().getList("version", Integer.class);
            versions.addAll(onPage);
            pageSizes.add(onPage.size());
            page = next(answer);
        }

        assertEquals(range(1, events), versions);
        assertEquals(List.of(3, 3, 3, 1), pageSizes);
    }

    @Test
    void a_small_accounts_first_page_is_its_whole_history_without_a_next_link() {
        String accountId = openAccount("1000.00");
        charge(accountId, "whole-1", "12.34").statusCode(201);

        Response answer = cashier().get("/accounts/{id}/events", accountId).then().statusCode(200)
                .body("", hasSize(3))
                .body("[2].type", equalTo("SaleCharged"))
                .body("[2].data.amount", equalTo("12.34"))
                .extract().response();
        assertEquals(null, answer.header("Link"));

        cashier().get("/accounts/{id}/events?after=3", accountId).then().statusCode(200).body("", hasSize(0));
        cashier().get("/accounts/{id}/events?after=1&limit=1", accountId).then().statusCode(200)
                .body("version", equalTo(List.of(2)))
                .header("Link", equalTo("</accounts/" + accountId + "/events?after=2&limit=1>; rel=\"next\""));
        cashier().get("/accounts/{id}/events?limit=1000", accountId).then().statusCode(200).body("", hasSize(3))
                .header("Link", nullValue());
    }

    @Test
    void a_page_past_its_bounds_is_a_problem_naming_the_field() {
        String accountId = openAccount("1000.00");

        for (String limit : List.of("0", "1001", "-5", "ten", "99999999999")) {
            refused(cashier().get("/accounts/{id}/events?limit={l}", accountId, limit), "limit");
        }
        for (String after : List.of("-1", "one", "1.5", "99999999999999999999")) {
            refused(cashier().get("/accounts/{id}/events?after={a}", accountId, after), "after");
        }
    }

    @Test
    void another_stores_account_is_missing_on_every_page() {
        String eastAccountId = openAccount(Tokens.of("MANAGER").stores("EAST").sign(), "100.00");

        for (String query : List.of("", "?after=1", "?after=1&limit=1", "?after=50")) {
            cashier().get("/accounts/" + eastAccountId + "/events" + query).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ardoise.dev/problems/not-found"));
        }
        as(Tokens.of("VIEWER").stores("EAST").sign()).get("/accounts/{id}/events?after=1", eastAccountId).then()
                .statusCode(200).body("version", equalTo(List.of(2)));
    }

    private static void refused(Response answer, String field) {
        answer.then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    private static String next(Response answer) {
        String link = answer.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertTrue(matcher.matches(), "a Link header to the next page: " + link);
        assertNotNull(matcher.group(1));
        return matcher.group(1);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int number = from; number <= to; number++) {
            numbers.add(number);
        }
        return numbers;
    }
}
