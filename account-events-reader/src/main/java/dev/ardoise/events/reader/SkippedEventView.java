package dev.ardoise.events.reader;

import java.time.Instant;
import java.util.UUID;

/** An event an operator skipped: which, why it could not be applied, the operator's reason, who and when. */
public record SkippedEventView(UUID accountId, long version, String eventType, String parkedReason, String reason,
                               String skippedBy, Instant skippedAt) {

    static SkippedEventView of(SkippedEvent skipped) {
        return new SkippedEventView(skipped.accountId, skipped.version, skipped.eventType, skipped.parkedReason,
                skipped.reason, skipped.skippedBy, skipped.skippedAt);
    }
}
