package dev.ardoise.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The last version of an account's stream applied to the read models. */
@Entity
@Table(name = "projection_progress")
public class ProjectionProgress extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "last_version")
    public long lastVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static ProjectionProgress start(UUID accountId) {
        ProjectionProgress progress = new ProjectionProgress();
        progress.accountId = accountId;
        progress.lastVersion = 0;
        return progress;
    }

    public void advanceTo(long version, Instant now) {
        lastVersion = version;
        updatedAt = now;
    }
}
