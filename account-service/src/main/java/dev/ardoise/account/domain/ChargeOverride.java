package dev.ardoise.account.domain;

import dev.ardoise.events.ChargeOverrideGranted;

import java.time.Instant;

/** A manager's one-off approval of a charge the limit or the overdue rule would decline. */
public final class ChargeOverride {
    private final ChargeOverrideGranted granted;
    private final boolean used;

    ChargeOverride(ChargeOverrideGranted granted) {
        this(granted, false);
    }

    private ChargeOverride(ChargeOverrideGranted granted, boolean used) {
        this.granted = granted;
        this.used = used;
    }

    /** The same override used: a new one, as an override is shared by every copy of the account that has it. */
    ChargeOverride usedUp() {
        return new ChargeOverride(granted, true);
    }

    public boolean usableAt(Instant now) {
        return !used && now.isBefore(granted.expiresAt());
    }

    public boolean used() {
        return used;
    }

    public ChargeOverrideGranted granted() {
        return granted;
    }
}
