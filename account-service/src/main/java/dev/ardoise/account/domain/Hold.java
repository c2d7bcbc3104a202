package dev.ardoise.account.domain;

import dev.ardoise.events.CreditHoldPlaced;

import java.math.BigDecimal;
import java.time.Instant;

/** Credit a register reserved while the customer is at the till. */
public final class Hold {
    /** Where a hold is in its life: held until captured, voided or expired (by an event). */
    public enum State { HELD, CAPTURED, VOIDED, EXPIRED }

    private final CreditHoldPlaced placed;
    private final State state;

    Hold(CreditHoldPlaced placed) {
        this(placed, State.HELD);
    }

    private Hold(CreditHoldPlaced placed, State state) {
        this.placed = placed;
        this.state = state;
    }

    /** The same hold ended: a new one, as a hold is shared by every copy of the account that holds it. */
    Hold ended(State end) {
        return new Hold(placed, end);
    }

    /** Still reserving credit at {@code now}: not ended, not past its expiry. */
    public boolean holdsAt(Instant now) {
        return state == State.HELD && now.isBefore(placed.expiresAt());
    }

    public boolean ended() {
        return state != State.HELD;
    }

    public String holdId() {
        return placed.holdId();
    }

    public BigDecimal amount() {
        return placed.amount();
    }

    public Instant expiresAt() {
        return placed.expiresAt();
    }

    public State state() {
        return state;
    }

    public CreditHoldPlaced placed() {
        return placed;
    }
}
