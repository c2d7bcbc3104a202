package dev.ardoise.account.api;

import dev.ardoise.account.application.Outcome;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A hold placed or voided, and the available credit after it. */
public record HoldView(UUID accountId, String holdId, BigDecimal amount, Instant expiresAt, String state,
                       BigDecimal available, long version) {

    static HoldView placed(Outcome outcome) {
        CreditHoldPlaced placed = outcome.required(CreditHoldPlaced.class);
        var account = outcome.account();
        String state = account.holds().find(placed.holdId()).map(hold -> hold.state().name()).orElse("HELD");
        return new HoldView(account.id(), placed.holdId(), placed.amount(), placed.expiresAt(), state,
                account.available(), account.version());
    }

    static HoldView voided(Outcome outcome) {
        CreditHoldVoided voided = outcome.required(CreditHoldVoided.class);
        var account = outcome.account();
        return new HoldView(account.id(), voided.holdId(), voided.amount(), null, "VOIDED", account.available(),
                account.version());
    }
}
