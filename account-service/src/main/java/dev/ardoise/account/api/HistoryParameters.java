package dev.ardoise.account.api;

import dev.ardoise.http.InvalidRequestException;

/** The paging of an account's history: where a page starts and how long it is, each bounded (a 400 names it). */
final class HistoryParameters {
    static final int DEFAULT_LIMIT = 100;
    static final int MOST = 1000;

    private HistoryParameters() {
    }

    /** The version the page starts after: 0 (the first event on) when absent. */
    static long after(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long after = Long.parseLong(value.strip());
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("after", "must be a version: a whole number, 0 or more");
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MOST) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MOST);
    }
}
