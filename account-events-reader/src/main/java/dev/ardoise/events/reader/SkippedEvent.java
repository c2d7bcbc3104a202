package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An event an operator chose not to apply, kept for good with why it could not be applied, the operator's reason,
 * who and when; or a version that never arrived, left out the same way (no type, no body). Each reader's database has the table {@code skipped_event} (see its Flyway migration).
 */
@Entity
@Table(name = "skipped_event")
@IdClass(ParkedEvent.Key.class)
public class SkippedEvent extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Id
    public long version;
    @Column(name = "event_type")
    public String eventType;
    public String body;
    @Column(name = "parked_reason")
    public String parkedReason;
    public String reason;
    @Column(name = "skipped_by")
    public String skippedBy;
    @Column(name = "skipped_at")
    public Instant skippedAt;

    static SkippedEvent of(ParkedAccount parked, String reason, String operator, Instant now) {
        SkippedEvent skipped = new SkippedEvent();
        skipped.accountId = parked.accountId;
        skipped.version = parked.version;
        skipped.eventType = parked.eventType;
        skipped.body = parked.body;
        skipped.parkedReason = parked.reason;
        skipped.reason = reason;
        skipped.skippedBy = operator;
        skipped.skippedAt = now;
        return skipped;
    }

    /** A version that never arrived: no type, no body, only why it was missing. */
    static SkippedEvent missing(UUID accountId, long version, String missingReason, String reason, String operator,
                                Instant now) {
        SkippedEvent skipped = new SkippedEvent();
        skipped.accountId = accountId;
        skipped.version = version;
        skipped.parkedReason = missingReason;
        skipped.reason = reason;
        skipped.skippedBy = operator;
        skipped.skippedAt = now;
        return skipped;
    }
}
