package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderScheduleTest {
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 29);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 29);
    private final ReminderSchedule schedule = new ReminderSchedule(List.of(7, -3, 1, 30));

    @Test
    void each_offset_is_due_from_its_day_until_the_next_one() {
        assertEquals(Optional.empty(), schedule.dueOffset(ISSUED, DUE, DUE.minusDays(4)));
        assertEquals(Optional.of(-3), schedule.dueOffset(ISSUED, DUE, DUE.minusDays(3)));
        assertEquals(Optional.of(-3), schedule.dueOffset(ISSUED, DUE, DUE));
        assertEquals(Optional.of(1), schedule.dueOffset(ISSUED, DUE, DUE.plusDays(1)));
        assertEquals(Optional.of(7), schedule.dueOffset(ISSUED, DUE, DUE.plusDays(29)));
        assertEquals(Optional.of(30), schedule.dueOffset(ISSUED, DUE, DUE.plusDays(400)));
    }

    @Test
    void no_reminder_falls_on_or_before_the_invoice_date() {
        LocalDate dueOnReceipt = ISSUED;

        assertEquals(Optional.empty(), schedule.dueOffset(ISSUED, dueOnReceipt, ISSUED));
        assertEquals(Optional.of(1), schedule.dueOffset(ISSUED, dueOnReceipt, ISSUED.plusDays(1)));
    }

    @Test
    void no_offsets_is_off_and_the_earliest_offset_bounds_the_due_dates_to_look_at() {
        assertTrue(new ReminderSchedule(List.of()).isOff());
        assertEquals(DUE, schedule.latestDueDateToRemind(DUE.minusDays(3)));
    }
}
