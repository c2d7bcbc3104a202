package dev.ardoise.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An event that arrived ahead of a gap in its account's versions, kept until the missing ones arrive. */
@Entity
@Table(name = "parked_events")
@IdClass(ParkedEvent.Key.class)
public class ParkedEvent extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Id
    public long version;
    public String body;
    @Column(name = "parked_at")
    public Instant parkedAt;

    public static ParkedEvent of(UUID accountId, long version, String body) {
        ParkedEvent row = new ParkedEvent();
        row.accountId = accountId;
        row.version = version;
        row.body = body;
        row.parkedAt = Instant.now();
        return row;
    }

    public static Uni<ParkedEvent> at(UUID accountId, long version) {
        return findById(new Key(accountId, version));
    }

    /** The parked event's identity: its place in its account's stream. */
    public static class Key implements Serializable {
        public UUID accountId;
        public long version;

        public Key() {
        }

        public Key(UUID accountId, long version) {
            this.accountId = accountId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && Objects.equals(key.accountId, accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, version);
        }
    }
}
