package dev.ardoise.account.domain;

import dev.ardoise.events.ChargeOverrideGranted;

import java.time.Instant;

/** A manager's one-off approval of a charge the limit or the overdue rule would decline. */
public final class ChargeOverride {
    private final ChargeOverrideGranted granted;
    private boolean used;

    ChargeOverride(ChargeOverrideGranted granted) {
        this.granted = granted;
    }

    ChargeOverride copy() {
        ChargeOverride copy = new ChargeOverride(granted);
        copy.used = used;
        return copy;
    }

    void use() {
        used = true;
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
