package dev.ardoise.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** An account's credit limit, deposit balance, open holds and what is owed on all its invoices (see {@link Ledgers}). */
@Entity
@Table(name = "ledger_accounts")
public class LedgerAccount extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    @Column(name = "deposit_balance")
    public BigDecimal depositBalance;
    /** JSON object: hold id -> amount. */
    public String holds;
    /** What is owed on every invoice of the account, kept with each event rather than summed over them. */
    public BigDecimal owed;
}
