package dev.ardoise.events.reader;

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

/**
 * An event that arrived before some version it follows, kept with its body until its turn comes. Each reader's
 * database has the table {@code parked_event} (see its Flyway migration).
 */
@Entity
@Table(name = "parked_event")
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

    public static ParkedEvent of(UUID accountId, long version, String body, Instant now) {
        ParkedEvent parked = new ParkedEvent();
        parked.accountId = accountId;
        parked.version = version;
        parked.body = body;
        parked.parkedAt = now;
        return parked;
    }

    public static Uni<ParkedEvent> find(UUID accountId, long version) {
        return findById(new Key(accountId, version));
    }

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
            return other instanceof Key key && version == key.version && Objects.equals(accountId, key.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, version);
        }
    }
}
