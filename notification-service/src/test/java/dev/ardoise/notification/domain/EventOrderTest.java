package dev.ardoise.notification.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventOrderTest {

    @Test
    void the_first_event_of_an_account_is_version_one() {
        assertEquals(EventOrder.NEXT, EventOrder.of(0, 1));
    }

    @Test
    void a_version_already_applied_is_a_duplicate() {
        assertEquals(EventOrder.DUPLICATE, EventOrder.of(3, 3));
        assertEquals(EventOrder.DUPLICATE, EventOrder.of(3, 1));
    }

    @Test
    void the_version_after_the_last_applied_is_next() {
        assertEquals(EventOrder.NEXT, EventOrder.of(3, 4));
    }

    @Test
    void a_version_further_ahead_comes_after_a_gap() {
        assertEquals(EventOrder.AFTER_GAP, EventOrder.of(3, 5));
        assertEquals(EventOrder.AFTER_GAP, EventOrder.of(0, 2));
    }
}
