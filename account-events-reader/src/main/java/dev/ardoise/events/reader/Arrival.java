package dev.ardoise.events.reader;

/**
 * How an event of an account's stream arrives compared with the last version a reader applied. Delivery is at
 * least once and versions have no gaps, so an event is either seen already, the next one, or early (some
 * version before it has not arrived yet).
 */
public enum Arrival {
    /** Already applied: skip it. */
    DUPLICATE,
    /** The one that comes next: apply it. */
    NEXT,
    /** Versions are missing before it: keep it aside until they arrive, never skip it. */
    GAP;

    /** @param lastApplied 0 when nothing was applied for the account yet */
    public static Arrival of(long lastApplied, long version) {
        if (version <= lastApplied) {
            return DUPLICATE;
        }
        return version == lastApplied + 1 ? NEXT : GAP;
    }
}
