package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One row of the accounts list: who, where the account stands, what is owed, the deposits and what is available,
 * with how much of the limit is used for the usage bar (null without a limit above zero).
 */
public record AccountLine(String accountId, String customerId, String name, String currency, Word standing,
                          Word accountStatus, String creditLimit, String owed, String deposits, String available,
                          Integer usedPercent) {
    /** From 80 % of the limit used, the account is near it (the list's usage filter says the same). */
    static final int NEAR = 80;

    /** A row of invoice-service's accounts list. */
    static AccountLine ofListed(JsonNode line) {
        return new AccountLine(Json.text(line, "accountId"), Json.text(line, "customerId"),
                Json.text(line, "customerName"), Json.text(line, "currency"),
                Word.of("balance_", Json.text(line, "status"), Words.BALANCE_STATUSES),
                Word.of("account_", Json.text(line, "accountStatus"), Words.ACCOUNT_STATUSES),
                Json.text(line, "creditLimit"), Json.text(line, "outstanding"), Json.text(line, "depositBalance"),
                Json.text(line, "available"), used(Json.text(line, "outstanding"), Json.text(line, "creditLimit")));
    }

    /** An account account-service found by the customer's email (its account view). */
    static AccountLine ofAccount(JsonNode account) {
        return new AccountLine(Json.text(account, "accountId"), Json.text(account, "customerId"),
                Json.text(account, "name"), Json.text(account, "currency"), null,
                Word.of("account_", Json.text(account, "status"), Words.ACCOUNT_STATUSES),
                Json.text(account, "creditLimit"), Json.text(account, "owed"), Json.text(account, "depositBalance"),
                Json.text(account, "available"), used(Json.text(account, "owed"), Json.text(account, "creditLimit")));
    }

    private static Integer used(String owed, String limit) {
        if (owed == null || limit == null || new BigDecimal(limit).signum() <= 0) {
            return null;
        }
        return new BigDecimal(owed).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(limit), 0, RoundingMode.DOWN).intValue();
    }

    /** The bar's width: what is used, up to the whole bar. */
    public int barWidth() {
        return usedPercent == null ? 0 : Math.max(0, Math.min(100, usedPercent));
    }

    public boolean overLimit() {
        return owed != null && creditLimit != null && new BigDecimal(owed).compareTo(new BigDecimal(creditLimit)) > 0;
    }

    public boolean nearLimit() {
        return usedPercent != null && usedPercent >= NEAR && !overLimit();
    }

    public boolean holdsDeposits() {
        return deposits != null && new BigDecimal(deposits).signum() > 0;
    }
}
