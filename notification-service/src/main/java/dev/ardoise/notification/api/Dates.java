package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.notification.domain.StatementPeriod;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A statement's period read from a request: each date named when unreadable, from after to and a period longer than
 * {@value #LONGEST_PERIOD_DAYS} days refused.
 */
final class Dates {
    /** What PostgreSQL's date type holds with room to spare, and more than any account's life needs. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final int UNPROCESSABLE_CONTENT = 422;
    /** A statement covers at most a year (a leap year's): bounds invoice-service's work and the PDF's length. */
    static final int LONGEST_PERIOD_DAYS = 366;

    private Dates() {
    }

    static StatementPeriod period(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw new InvalidRequestException("from", "is after to (" + from + " > " + to + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_PERIOD_DAYS) {
            throw new InvalidRequestException("to", "a statement covers at most " + LONGEST_PERIOD_DAYS
                    + " days from from (" + from + " to " + to + " is longer); ask for one period at a time");
        }
        return new StatementPeriod(start, end);
    }

    /**
     * The period, when it is over on the store's {@code today}: a statement that is emailed covers days that are
     * over; one for days still to come is refused (422, naming {@code to}).
     */
    static StatementPeriod ended(StatementPeriod period, LocalDate today) {
        if (!period.isOver(today)) {
            String reason = "the period has not ended: a statement covers days that are over (today is " + today
                    + " in the store's calendar; the last day that can be sent is " + today.minusDays(1) + ")";
            throw new ProblemException(Problem.of("period-not-ended", "Period not ended", UNPROCESSABLE_CONTENT,
                    "to: " + reason).with("field", "to").with("reason", reason), "to: " + reason);
        }
        return period;
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
