package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.AccountBalance;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One credit account's balance figures. */
@Entity
@Table(name = "account")
public class AccountRow extends PanacheEntityBase {
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "customer_id")
    public String customerId;
    public String name;
    public String currency;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    public BigDecimal owed;
    @Column(name = "deposit_balance")
    public BigDecimal depositBalance;

    public static AccountRow opened(AccountBalance balance, String customerId, String name) {
        AccountRow row = new AccountRow();
        row.accountId = balance.accountId();
        row.customerId = customerId;
        row.name = name;
        row.update(balance);
        return row;
    }

    public AccountBalance toBalance() {
        return new AccountBalance(accountId, currency, creditLimit, owed, depositBalance);
    }

    public void update(AccountBalance balance) {
        currency = balance.currency();
        creditLimit = balance.creditLimit();
        owed = balance.owed();
        depositBalance = balance.depositBalance();
    }
}
