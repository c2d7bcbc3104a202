package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A statement covers days that are over, on the store's calendar. */
class StatementPeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void a_period_that_ended_yesterday_is_over() {
        assertTrue(new StatementPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).isOver(TODAY));
    }

    @Test
    void a_period_that_ends_today_is_not_over_yet() {
        assertFalse(new StatementPeriod(LocalDate.of(2026, 11, 1), TODAY).isOver(TODAY));
    }

    @Test
    void a_period_still_to_come_is_not_over() {
        assertFalse(new StatementPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)).isOver(TODAY));
    }
}
