package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MonthlyStatementsTest {
    private static final StatementPeriod OCTOBER = new StatementPeriod(LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 31));

    @Test
    void last_month_is_due_from_the_configured_day_on() {
        MonthlyStatements monthly = new MonthlyStatements(5);

        assertEquals(Optional.empty(), monthly.due(LocalDate.of(2026, 11, 4)));
        assertEquals(Optional.of(OCTOBER), monthly.due(LocalDate.of(2026, 11, 5)));
        assertEquals(Optional.of(OCTOBER), monthly.due(LocalDate.of(2026, 11, 30)));
        assertEquals("2026-10-01..2026-10-31", OCTOBER.key());
    }

    @Test
    void a_day_past_the_end_of_a_short_month_is_its_last_day_and_no_day_is_off() {
        assertEquals(Optional.of(new StatementPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))),
                new MonthlyStatements(31).due(LocalDate.of(2026, 2, 28)));
        assertEquals(Optional.empty(), new MonthlyStatements(null).due(LocalDate.of(2026, 2, 28)));
        assertThrows(IllegalArgumentException.class, () -> new MonthlyStatements(0));
    }
}
