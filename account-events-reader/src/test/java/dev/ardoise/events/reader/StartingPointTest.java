package dev.ardoise.events.reader;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartingPointTest {
    private static final TopicPartition P0 = new TopicPartition("account-events", 0);
    private static final TopicPartition P1 = new TopicPartition("account-events", 1);

    @Test
    void a_reader_is_current_once_it_has_applied_every_record_that_was_there_when_it_got_its_partitions() {
        StartingPoint start = StartingPoint.of(Map.of(P0, 40L, P1, 12L), Map.of(P0, new OffsetAndMetadata(10)));
        Map<Integer, Long> applied = new HashMap<>();

        assertFalse(start.reachedBy(applied));
        applied.put(0, 40L);
        assertFalse(start.reachedBy(applied), "partition 1 was never read by the group: 12 records to apply");
        applied.put(1, 11L);
        assertFalse(start.reachedBy(applied), "one record of partition 1 still to apply");
        applied.put(1, 15L);
        assertTrue(start.reachedBy(applied), "records that came after the start do not hold it back");
    }

    @Test
    void a_restarted_reader_whose_group_had_read_everything_is_current_at_once() {
        StartingPoint start = StartingPoint.of(Map.of(P0, 40L, P1, 0L),
                Map.of(P0, new OffsetAndMetadata(40)));

        assertTrue(start.reachedBy(Map.of()));
    }

    @Test
    void a_partition_taken_away_before_the_reader_caught_up_no_longer_holds_it_back() {
        StartingPoint first = StartingPoint.of(Map.of(P0, 40L, P1, 12L), Map.of());
        StartingPoint now = first.only(java.util.Set.of(0));

        assertTrue(now.reachedBy(Map.of(0, 40L)));
        assertFalse(first.reachedBy(Map.of(0, 40L)));
        assertTrue(first.covers(1));
        assertFalse(now.covers(1));
    }

    @Test
    void a_partition_given_later_counts_from_where_it_stood_when_it_came() {
        StartingPoint first = StartingPoint.of(Map.of(P0, 40L), Map.of());
        StartingPoint both = first.and(StartingPoint.of(Map.of(P0, 99L, P1, 7L), Map.of(P1, new OffsetAndMetadata(7))));

        assertTrue(both.reachedBy(Map.of(0, 40L)), "partition 0 keeps the end it had first; partition 1 had nothing to do");
    }
}
