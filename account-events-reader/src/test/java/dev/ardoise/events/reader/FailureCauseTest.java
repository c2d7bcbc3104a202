package dev.ardoise.events.reader;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureCauseTest {
    private static final StreamEvent EVENT = new StreamEvent(UUID.randomUUID(), 2, "SaleCharged", Optional.empty(),
            "{}");

    private static FailureCause onTheEvent(Throwable cause) {
        return FailureCause.of(new EventNotApplied(EVENT, new CompletionException(cause)));
    }

    @Test
    void a_data_exception_or_a_constraint_the_event_breaks_is_the_events_fault() {
        assertEquals(FailureCause.THE_EVENT, onTheEvent(new SQLException("date out of range", "22008")));
        assertEquals(FailureCause.THE_EVENT, onTheEvent(new SQLException("duplicate key", "23505")));
    }

    @Test
    void an_exception_from_the_services_handler_is_the_events_fault() {
        assertEquals(FailureCause.THE_EVENT, onTheEvent(new IllegalStateException("account has no invoice X")));
        assertEquals(FailureCause.THE_EVENT, onTheEvent(new DateTimeException("year out of range")));
    }

    @Test
    void the_database_away_overloaded_or_broken_is_nobodys_fault() {
        assertEquals(FailureCause.NOBODY, onTheEvent(new SQLException("connection refused", "08001")));
        assertEquals(FailureCause.NOBODY, onTheEvent(new SQLException("too many connections", "53300")));
        assertEquals(FailureCause.NOBODY, onTheEvent(new SQLException("terminating connection", "57P01")));
        assertEquals(FailureCause.NOBODY, onTheEvent(new SQLException("deadlock detected", "40P01")));
        assertEquals(FailureCause.NOBODY, onTheEvent(new SQLException("relation does not exist", "42P01")));
        assertEquals(FailureCause.NOBODY, onTheEvent(new IOException("connection reset")));
    }

    @Test
    void a_set_wise_batch_refused_through_its_events_falls_back_and_one_refused_through_the_database_waits() {
        assertEquals(FailureCause.THE_EVENT, FailureCause.of(new BatchNotApplied(40,
                new CompletionException(new SQLException("date out of range", "22008")))));
        assertEquals(FailureCause.THE_EVENT, FailureCause.of(new BatchNotApplied(40,
                new IllegalStateException("account has no invoice X"))));
        assertEquals(FailureCause.NOBODY, FailureCause.of(new BatchNotApplied(40,
                new SQLException("connection refused", "08001"))));
    }

    @Test
    void a_failure_no_event_is_named_for_is_nobodys_fault() {
        assertEquals(FailureCause.NOBODY, FailureCause.of(new IllegalStateException("pool closed")));
    }

    @Test
    void the_reason_is_the_databases_message_with_its_state_and_is_bounded() {
        assertEquals("SQL state 22008: date out of range", FailureCause.describe(
                new CompletionException(new SQLException("date out of range", "22008"))));
        String reason = FailureCause.describe(new IllegalStateException("x".repeat(10_000)));
        assertTrue(reason.startsWith("IllegalStateException: xxx"), reason);
        assertEquals(FailureCause.LONGEST_REASON, reason.length());
    }
}
