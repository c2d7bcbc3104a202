package dev.ardoise.events.reader;

/**
 * How an event of an account's stream arrives compared with the last version a reader applied, and with the event
 * its account is parked at, if any. Delivery is at least once and versions have no gaps, so an event is either seen
 * already, the next one, early (some version before it has not arrived yet), or held behind an event that could
 * not be applied.
 */
public enum Arrival {
    /** Already applied: skip it. */
    DUPLICATE,
    /** The one that comes next: apply it. */
    NEXT,
    /** Versions are missing before it: keep it aside until they arrive, never skip it. */
    GAP,
    /** The very event its account is parked at, delivered again: it is kept already. */
    PARKED,
    /** After the event its account is parked at: it waits, in order, until an operator mends the account. */
    BEHIND;

    /** Nothing applied yet, or no account parked: versions start at 1. */
    public static final long NONE = 0;

    /** @param lastApplied {@link #NONE} when nothing was applied for the account yet */
    public static Arrival of(long lastApplied, long version) {
        return of(lastApplied, version, NONE);
    }

    /**
     * @param parkedAt the version its account is parked at, {@link #NONE} when it is not; versions before it still
     *                 apply (they may have been rolled back with the batch the parked event failed in)
     */
    public static Arrival of(long lastApplied, long version, long parkedAt) {
        if (version <= lastApplied) {
            return DUPLICATE;
        }
        if (parkedAt != NONE && version >= parkedAt) {
            return version == parkedAt ? PARKED : BEHIND;
        }
        return version == lastApplied + 1 ? NEXT : GAP;
    }
}
