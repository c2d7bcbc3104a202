package dev.ardoise.events.reader;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArrivalTest {

    @Test
    void the_first_event_of_a_new_account_is_next() {
        assertEquals(Arrival.NEXT, Arrival.of(0, 1));
    }

    @Test
    void the_version_after_the_last_applied_is_next() {
        assertEquals(Arrival.NEXT, Arrival.of(4, 5));
    }

    @Test
    void a_version_already_applied_is_a_duplicate() {
        assertEquals(Arrival.DUPLICATE, Arrival.of(4, 4));
        assertEquals(Arrival.DUPLICATE, Arrival.of(4, 1));
    }

    @Test
    void a_version_beyond_the_next_is_a_gap() {
        assertEquals(Arrival.GAP, Arrival.of(1, 3));
        assertEquals(Arrival.GAP, Arrival.of(0, 2));
    }

    @Test
    void the_event_an_account_is_parked_at_comes_again_as_parked() {
        assertEquals(Arrival.PARKED, Arrival.of(4, 5, 5));
    }

    @Test
    void an_event_after_the_one_its_account_is_parked_at_waits_behind_it() {
        assertEquals(Arrival.BEHIND, Arrival.of(4, 6, 5));
        assertEquals(Arrival.BEHIND, Arrival.of(4, 9, 5));
    }

    @Test
    void an_event_before_the_one_its_account_is_parked_at_still_applies_in_turn() {
        assertEquals(Arrival.NEXT, Arrival.of(2, 3, 5));
        assertEquals(Arrival.GAP, Arrival.of(2, 4, 5));
        assertEquals(Arrival.DUPLICATE, Arrival.of(4, 4, 5));
    }
}
