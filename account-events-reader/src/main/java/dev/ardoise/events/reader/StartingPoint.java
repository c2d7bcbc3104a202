package dev.ardoise.events.reader;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader has to apply before it is current: for each partition it was given, the end of the topic at that
 * moment, and where its group had already got to (a restarted reader has nothing to catch up on).
 */
record StartingPoint(Map<Integer, Long> endOffsets, Map<Integer, Long> committed) {

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
