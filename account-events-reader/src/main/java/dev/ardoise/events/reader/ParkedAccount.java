package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An account whose next event could not be applied: the event and why, kept until an operator retries or skips it.
 * The account's later events wait behind it in {@code parked_event}; every other account goes on. Each reader's
 * database has the table {@code parked_account} (see its Flyway migration).
 */
@Entity
@Table(name = "parked_account")
public class ParkedAccount extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    public long version;
    @Column(name = "event_type")
    public String eventType;
    public String body;
    public String reason;
    @Column(name = "parked_at")
    public Instant parkedAt;
    /** When it was last tried: parked, or retried by an operator since. */
    @Column(name = "tried_at")
    public Instant triedAt;

    static ParkedAccount at(StreamEvent event, String reason, Instant now) {
        ParkedAccount parked = new ParkedAccount();
        parked.accountId = event.accountId();
        parked.parkAt(event, reason, now);
        return parked;
    }

    void parkAt(StreamEvent event, String reason, Instant now) {
        version = event.version();
        eventType = event.type();
        body = event.body();
        this.reason = reason;
        parkedAt = now;
        triedAt = now;
    }
}
