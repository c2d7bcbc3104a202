package dev.ardoise.account.domain;

import dev.ardoise.events.CreditHoldPlaced;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's credit holds, by holdId. */
public final class Holds {
    private final Map<String, Hold> byId = new LinkedHashMap<>();

    Holds copy() {
        Holds copy = new Holds();
        byId.forEach((id, hold) -> copy.byId.put(id, hold.copy()));
        return copy;
    }

    void place(CreditHoldPlaced placed) {
        byId.put(placed.holdId(), new Hold(placed));
    }

    void end(String holdId, Hold.State end) {
        Hold hold = byId.get(holdId);
        if (hold != null) {
            hold.end(end);
        }
    }

    public Optional<Hold> find(String holdId) {
        return Optional.ofNullable(byId.get(holdId));
    }

    /** Held per the events alone (what every reader derives): placed and not yet captured, voided or expired. */
    public List<Hold> open() {
        return byId.values().stream().filter(hold -> !hold.ended()).toList();
    }

    /** Held when deciding at {@code now}: a hold past its expiry counts as released even before its event. */
    BigDecimal heldAt(Instant now, BigDecimal zero) {
        return byId.values().stream().filter(hold -> hold.holdsAt(now)).map(Hold::amount)
                .reduce(zero, BigDecimal::add);
    }

    BigDecimal held(BigDecimal zero) {
        return open().stream().map(Hold::amount).reduce(zero, BigDecimal::add);
    }
}
