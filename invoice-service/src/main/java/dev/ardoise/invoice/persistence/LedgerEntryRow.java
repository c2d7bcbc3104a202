package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.LedgerEntry;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One movement of an account, for statements (see {@link LedgerEntry}). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntryRow extends PanacheEntityBase {
    @Id
    @Column(name = "entry_id")
    public String entryId;
    @Column(name = "account_id")
    public UUID accountId;
    public long version;
    @Column(name = "entry_date")
    public LocalDate entryDate;
    public String type;
    public String reference;
    public String description;
    public BigDecimal amount;
    @Column(name = "deposit_change")
    public BigDecimal depositChange;

    public static LedgerEntryRow of(LedgerEntry entry) {
        LedgerEntryRow row = new LedgerEntryRow();
        row.entryId = entry.entryId();
        row.accountId = entry.accountId();
        row.version = entry.version();
        row.entryDate = entry.date();
        row.type = entry.type().name();
        row.reference = entry.reference();
        row.description = entry.description();
        row.amount = entry.amount();
        row.depositChange = entry.depositChange();
        return row;
    }
}
