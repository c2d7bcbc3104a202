package dev.ardoise.account.api;

import dev.ardoise.account.application.Outcome;
import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.events.AccountEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a payment, refund, adjustment, write-off, deposit application or return, or override: the
 * events the command recorded (or first recorded, on a replay) and the account's figures after it.
 */
public record OperationView(UUID accountId, List<Recorded> events, BigDecimal balance, BigDecimal depositBalance,
                            BigDecimal available, AccountStatus status, long version) {

    static OperationView of(Outcome outcome) {
        var account = outcome.account();
        return new OperationView(account.id(),
                outcome.decision().events().stream().map(event -> new Recorded(event.type(), event)).toList(),
                account.balance(), account.depositBalance(), account.available(), account.status(),
                account.version());
    }

    /** One event of the command: its type and its fields, as on the account-events topic. */
    public record Recorded(String type, AccountEvent data) {
    }
}
