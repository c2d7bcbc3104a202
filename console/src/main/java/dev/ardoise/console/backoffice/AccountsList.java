package dev.ardoise.console.backoffice;

import dev.ardoise.console.web.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * The accounts list as shown: the search and filters as given, a page of rows, whether the rows are the account
 * found by the customer's email, and why there are none when a service refused.
 */
public record AccountsList(String q, String status, String usage, String deposits, List<AccountLine> rows,
                           Pager pager, boolean byEmail, Refusal refusal) {

    /** The statuses the list filters on: where the balance stands, then where the account stands. */
    public List<Word> statuses() {
        return Word.all("filter_status_", "OUTSTANDING", "OVERDUE", "SETTLED", "OPEN", "SUSPENDED", "CLOSED");
    }

    public List<Word> usages() {
        return Word.all("filter_usage_", "NEAR_LIMIT", "OVER_LIMIT");
    }

    /** This list's address at another page: the search and filters kept. */
    public String at(int page) {
        StringJoiner query = new StringJoiner("&", "/accounts?", "");
        add(query, "q", q);
        add(query, "status", status);
        add(query, "usage", usage);
        add(query, "deposits", deposits);
        if (page > 0) {
            query.add("page=" + page);
        }
        String address = query.toString();
        return address.endsWith("?") ? "/accounts" : address;
    }

    /** Where the page is, for the language switch to come back to. */
    public String here() {
        return at(pager.page());
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
