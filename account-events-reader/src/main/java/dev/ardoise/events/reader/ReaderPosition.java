package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The last version of an account's stream that this service applied, written in the same transaction as what
 * the event changed. Each reader's database has the table {@code reader_position} (see its Flyway migration).
 */
@Entity
@Table(name = "reader_position")
public class ReaderPosition extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "last_version")
    public long lastVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static ReaderPosition start(UUID accountId, long lastVersion, Instant now) {
        ReaderPosition position = new ReaderPosition();
        position.accountId = accountId;
        position.lastVersion = lastVersion;
        position.updatedAt = now;
        return position;
    }
}
