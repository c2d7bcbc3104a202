package dev.ardoise.notification.domain;

/**
 * Where an incoming event stands against the last version applied for its account. Versions are 1, 2, 3...
 * without gaps and delivery is at least once, so an event is a duplicate, the next one, or ahead of a gap.
 */
public enum EventOrder {
    DUPLICATE, NEXT, AFTER_GAP;

    /** @param lastApplied 0 when nothing was applied for the account yet */
    public static EventOrder of(long lastApplied, long incoming) {
        if (incoming <= lastApplied) {
            return DUPLICATE;
        }
        return incoming == lastApplied + 1 ? NEXT : AFTER_GAP;
    }
}
