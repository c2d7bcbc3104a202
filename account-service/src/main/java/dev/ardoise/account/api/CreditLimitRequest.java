package dev.ardoise.account.api;

import java.math.BigDecimal;

/** {@code PUT /accounts/{accountId}/credit-limit}. */
public record CreditLimitRequest(BigDecimal creditLimit) {

    BigDecimal toLimit() {
        return Fields.required(creditLimit, "creditLimit");
    }
}
