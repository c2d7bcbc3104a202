package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.notification.domain.StatementPeriod;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A statement's period read from a request: each date named when unreadable, from after to refused. */
final class Dates {
    /** What PostgreSQL's date type holds with room to spare, and more than any account's life needs. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    static StatementPeriod period(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw new InvalidRequestException("from", "is after to (" + from + " > " + to + ")");
        }
        return new StatementPeriod(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required (an ISO date such as 2026-10-31)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "not an ISO date: " + value);
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidRequestException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }
}
