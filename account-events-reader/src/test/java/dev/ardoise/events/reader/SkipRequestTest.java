package dev.ardoise.events.reader;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SkipRequestTest {

    @Test
    void a_skip_names_the_version_and_says_why() {
        assertNull(new SkipRequest(2L, "due date typed wrong at the till; invoice reissued").refusal());
    }

    @Test
    void a_skip_without_a_version_or_below_1_is_refused_on_the_version() {
        assertEquals("version", new SkipRequest(null, "why").refusal().field());
        assertEquals("version", new SkipRequest(0L, "why").refusal().field());
    }

    @Test
    void a_skip_without_a_reason_or_with_a_reason_too_long_is_refused_on_the_reason() {
        assertEquals("reason", new SkipRequest(2L, null).refusal().field());
        assertEquals("reason", new SkipRequest(2L, "  ").refusal().field());
        assertEquals("reason", new SkipRequest(2L, "x".repeat(SkipRequest.LONGEST_REASON + 1)).refusal().field());
        assertNull(new SkipRequest(2L, "x".repeat(SkipRequest.LONGEST_REASON)).refusal());
    }
}
