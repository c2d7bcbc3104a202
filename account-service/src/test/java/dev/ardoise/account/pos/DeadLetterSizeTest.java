package dev.ardoise.account.pos;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pos-sales records can be copied to pos-sales.dlq: found by a register's 400 kB of garbage (HostileCorpusIT). */
class DeadLetterSizeTest {

    @Test
    void a_sale_and_a_record_just_under_the_bound_fit() {
        assertTrue(DeadLetterSize.fits("acc-1", "{\"saleId\":\"R1-1\",\"amount\":\"2.00\"}", List.of()));
        assertTrue(DeadLetterSize.fits("acc-1", "x".repeat(DeadLetterSize.MOST_BYTES - 5), List.of()));
    }

    @Test
    void bytes_that_were_not_utf8_count_three_times_as_they_are_written_again() {
        byte[] garbage = new byte[400_000];
        Arrays.fill(garbage, (byte) 0xFF);
        String asRead = new String(garbage, StandardCharsets.UTF_8);

        assertFalse(DeadLetterSize.fits("acc-1", asRead, List.of()));
    }

    @Test
    void the_key_and_the_headers_count_too() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("padding", new byte[100]);

        assertFalse(DeadLetterSize.fits("acc-1", "x".repeat(DeadLetterSize.MOST_BYTES - 50), headers));
        assertFalse(DeadLetterSize.fits("k".repeat(60), "x".repeat(DeadLetterSize.MOST_BYTES - 50), List.of()));
    }
}
