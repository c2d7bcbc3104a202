package dev.ardoise.account.api;

import dev.ardoise.account.domain.AddDeposit;
import dev.ardoise.events.DepositPurpose;

import java.math.BigDecimal;

/** {@code POST /accounts/{accountId}/deposits}; purpose defaults to OTHER. */
public record DepositRequest(String depositId, BigDecimal amount, DepositPurpose purpose, String reference) {

    AddDeposit toCommand() {
        return new AddDeposit(Fields.key(depositId, "depositId"), Fields.required(amount, "amount"),
                purpose == null ? DepositPurpose.OTHER : purpose, Fields.optionalText(reference, "reference"));
    }
}
