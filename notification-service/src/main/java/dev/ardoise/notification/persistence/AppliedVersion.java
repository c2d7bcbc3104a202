package dev.ardoise.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The last event version applied per account, written in the same transaction as what the event changed. */
@Entity
@Table(name = "applied_versions")
public class AppliedVersion extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "last_version")
    public long lastVersion;

    public static AppliedVersion first(UUID accountId) {
        AppliedVersion row = new AppliedVersion();
        row.accountId = accountId;
        return row;
    }
}
