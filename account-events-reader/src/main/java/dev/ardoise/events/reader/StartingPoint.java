package dev.ardoise.events.reader;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a reader has to apply before it is current: for each partition it was given, the end of the topic at that
 * moment, and where its group had already got to (a restarted reader has nothing to catch up on).
 */
record StartingPoint(Map<Integer, Long> endOffsets, Map<Integer, Long> committed) {
    static final StartingPoint NONE = new StartingPoint(Map.of(), Map.of());

    static StartingPoint of(Map<TopicPartition, Long> ends,
                            Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<Integer, Long> endOffsets = new TreeMap<>();
        Map<Integer, Long> done = new TreeMap<>();
        ends.forEach((partition, end) -> {
            endOffsets.put(partition.partition(), end);
            OffsetAndMetadata offset = committed.get(partition);
            done.put(partition.partition(), offset == null ? 0L : offset.offset());
        });
        return new StartingPoint(endOffsets, done);
    }

    boolean covers(int partition) {
        return endOffsets.containsKey(partition);
    }

    /** This and the partitions of the other, first seen later. */
    StartingPoint and(StartingPoint later) {
        Map<Integer, Long> ends = new TreeMap<>(later.endOffsets);
        Map<Integer, Long> done = new TreeMap<>(later.committed);
        ends.putAll(endOffsets);
        done.putAll(committed);
        return new StartingPoint(ends, done);
    }

    /** Only the partitions the reader holds now. */
    StartingPoint only(Set<Integer> partitions) {
        Map<Integer, Long> ends = new TreeMap<>(endOffsets);
        Map<Integer, Long> done = new TreeMap<>(committed);
        ends.keySet().retainAll(partitions);
        done.keySet().retainAll(partitions);
        return new StartingPoint(ends, done);
    }

    /** @param applied per partition, the offset after the last record the reader applied */
    boolean reachedBy(Map<Integer, Long> applied) {
        return endOffsets.keySet().stream().allMatch(partition -> remaining(partition, applied) == 0);
    }

    void describe(Map<Integer, Long> applied, HealthCheckResponseBuilder response) {
        endOffsets.keySet().forEach(partition ->
                response.withData("partition " + partition + " records to apply", remaining(partition, applied)));
    }

    private long remaining(int partition, Map<Integer, Long> applied) {
        long reached = Math.max(committed.get(partition), applied.getOrDefault(partition, 0L));
        return Math.max(0, endOffsets.get(partition) - reached);
    }
}
