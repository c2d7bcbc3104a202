package dev.ardoise.console.backoffice;

import jakarta.ws.rs.QueryParam;

/**
 * The account page's address parameters: which page of the history, invoices and emails, and what the action
 * just done was ({@code done}, {@code replayed}) with the account version it reached ({@code v}), for the
 * invoices to include it.
 */
public class PageQuery {
    static final int LAST_PAGE = 10_000;

    @QueryParam("history")
    String history;

    @QueryParam("invoices")
    String invoices;

    @QueryParam("emails")
    String emails;

    @QueryParam("done")
    String done;

    @QueryParam("replayed")
    String replayed;

    @QueryParam("v")
    String version;

    static PageQuery first() {
        return new PageQuery();
    }

    int historyPage() {
        return page(history);
    }

    int invoicesPage() {
        return page(invoices);
    }

    int emailsPage() {
        return page(emails);
    }

    /** The version the action reached, 0 when none (a number out of bounds is ignored: it only makes us wait). */
    long reachedVersion() {
        try {
            long reached = version == null ? 0 : Long.parseLong(version);
            return reached > 0 && reached < Integer.MAX_VALUE ? reached : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A page number out of bounds is the first page: these are links the page makes, not typed input. */
    private static int page(String value) {
        try {
            int page = value == null ? 0 : Integer.parseInt(value);
            return page >= 0 && page <= LAST_PAGE ? page : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
