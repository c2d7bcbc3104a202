package dev.ardoise.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A hold placed and not yet captured, voided or expired. */
@Entity
@Table(name = "credit_hold")
public class HoldRow extends PanacheEntityBase {
    @Id
    @Column(name = "hold_key")
    public String holdKey;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "hold_id")
    public String holdId;
    public BigDecimal amount;

    public static String key(UUID accountId, String holdId) {
        return accountId + ":" + holdId;
    }

    public static HoldRow of(UUID accountId, String holdId, BigDecimal amount) {
        HoldRow row = new HoldRow();
        row.holdKey = key(accountId, holdId);
        row.accountId = accountId;
        row.holdId = holdId;
        row.amount = amount;
        return row;
    }
}
