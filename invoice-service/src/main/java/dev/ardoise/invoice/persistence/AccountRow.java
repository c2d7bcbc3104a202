package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.AccountBalance;
import dev.ardoise.invoice.domain.AccountStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One credit account's figures. */
@Entity
@Table(name = "account")
public class AccountRow extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "store_id")
    public String storeId;
    @Column(name = "customer_id")
    public String customerId;
    public String name;
    public String currency;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    public BigDecimal owed;
    @Column(name = "deposit_balance")
    public BigDecimal depositBalance;
    public BigDecimal held;
    @Enumerated(EnumType.STRING)
    @Column(name = "account_status")
    public AccountStatus accountStatus;

    public static AccountRow of(AccountBalance balance) {
        AccountRow row = new AccountRow();
        row.accountId = balance.accountId();
        row.update(balance);
        return row;
    }

    public AccountBalance toBalance() {
        return new AccountBalance(accountId, storeId, customerId, name, currency, creditLimit, owed, depositBalance,
                held, accountStatus);
    }

    public void update(AccountBalance balance) {
        storeId = balance.storeId();
        customerId = balance.customerId();
        name = balance.customerName();
        currency = balance.currency();
        creditLimit = balance.creditLimit();
        owed = balance.owed();
        depositBalance = balance.depositBalance();
        held = balance.held();
        accountStatus = balance.accountStatus();
    }
}
