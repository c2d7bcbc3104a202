package dev.ardoise.account.domain;

import dev.ardoise.events.CreditHoldPlaced;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The account's credit holds, by holdId; shared with copies of the account (a hold that ends is replaced, never
 * changed).
 */
public final class Holds {
    /** A hold with the order it was placed in (the order of {@link #open}). */
    private record Placed(Hold hold, int order) {
    }

    private PersistentSortedMap<String, Placed> byId = PersistentSortedMap.empty();
    private PersistentSortedMap<Integer, Hold> openInOrder = PersistentSortedMap.empty();

    Holds copy() {
        Holds copy = new Holds();
        copy.byId = byId;
        copy.openInOrder = openInOrder;
        return copy;
    }

    void place(CreditHoldPlaced placed) {
        Placed before = byId.get(placed.holdId());
        file(before, new Placed(new Hold(placed), before == null ? byId.size() : before.order()));
    }

    void end(String holdId, Hold.State end) {
        Placed before = byId.get(holdId);
        if (before != null) {
            file(before, new Placed(before.hold().ended(end), before.order()));
        }
    }

    private void file(Placed before, Placed after) {
        if (before != null) {
            openInOrder = openInOrder.remove(before.order());
        }
        if (!after.hold().ended()) {
            openInOrder = openInOrder.put(after.order(), after.hold());
        }
        byId = byId.put(after.hold().holdId(), after);
    }

    public Optional<Hold> find(String holdId) {
        return Optional.ofNullable(byId.get(holdId)).map(Placed::hold);
    }

    /** Held per the events alone (what every reader derives): placed and not yet captured, voided or expired. */
    public List<Hold> open() {
        return openInOrder.values();
    }

    /** Held when deciding at {@code now}: a hold past its expiry counts as released even before its event. */
    BigDecimal heldAt(Instant now, BigDecimal zero) {
        return open().stream().filter(hold -> hold.holdsAt(now)).map(Hold::amount)
                .reduce(zero, BigDecimal::add);
    }

    BigDecimal held(BigDecimal zero) {
        return open().stream().map(Hold::amount).reduce(zero, BigDecimal::add);
    }
}
