package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.notification.domain.StatementPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A statement's period as a request gives it: a year at most, the date at fault named. */
class DatesTest {

    @Test
    void a_leap_year_is_the_longest_period() {
        assertEquals(new StatementPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                Dates.period("2024-01-01", "2024-12-31"));
        assertEquals(new StatementPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                Dates.period("2025-01-01", "2026-01-01"));
    }

    @Test
    void a_day_more_than_366_is_refused_naming_to() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> Dates.period("2025-01-01", "2026-01-02"));
        assertTrue(refused.getMessage().startsWith("to: a statement covers at most 366 days"),
                refused.getMessage());
        assertThrows(InvalidRequestException.class, () -> Dates.period("1900-01-01", "9999-12-31"));
    }

    @Test
    void from_after_to_is_refused_naming_from() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> Dates.period("2026-11-01", "2026-10-31"));
        assertTrue(refused.getMessage().startsWith("from: "), refused.getMessage());
    }
}
