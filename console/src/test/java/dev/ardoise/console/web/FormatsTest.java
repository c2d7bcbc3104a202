package dev.ardoise.console.web;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {
    private static final ZoneId MONTREAL = ZoneId.of("America/Toronto");

    @Test
    void an_instant_is_shown_on_the_stores_clock_not_in_utc() {
        assertEquals("Dec. 2, 2026, 9:37:06 a.m.", Formats.moment("2026-12-02T14:37:06Z", Locale.CANADA, MONTREAL)
                .replace('\u202f', ' '));
        assertEquals("1 déc. 2026, 23 h 30 min 00 s", Formats.moment("2026-12-02T04:30:00Z", Locale.CANADA_FRENCH,
                MONTREAL).replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    @Test
    void canadian_dollars_read_as_the_stores_customers_write_them_to_the_cent() {
        assertEquals("-$700.00", Formats.money("-700.00", "CAD", Locale.CANADA));
        assertEquals("1 000,50 $", Formats.money("1000.5", "CAD", Locale.CANADA_FRENCH).replace('\u202f', ' ')
                .replace('\u00a0', ' '));
    }
}
