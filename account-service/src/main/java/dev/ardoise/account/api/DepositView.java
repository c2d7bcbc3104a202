package dev.ardoise.account.api;

import dev.ardoise.account.application.Outcome;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;

import java.math.BigDecimal;
import java.util.UUID;

/** A deposit taken, and the deposit balance after it. */
public record DepositView(UUID accountId, String depositId, BigDecimal amount, DepositPurpose purpose,
                          String reference, BigDecimal depositBalance, long version) {

    static DepositView of(Outcome taken) {
        DepositAdded deposit = taken.required(DepositAdded.class);
        var account = taken.account();
        return new DepositView(account.id(), deposit.depositId(), deposit.amount(), deposit.purpose(),
                deposit.reference(), account.depositBalance(), account.version());
    }
}
