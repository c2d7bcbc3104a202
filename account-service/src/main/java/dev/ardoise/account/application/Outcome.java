package dev.ardoise.account.application;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.Decision;
import dev.ardoise.events.AccountEvent;

import java.util.Optional;

/** A command's decision and the account after it; {@code replayed} when its key had been used before. */
public record Outcome(Decision decision, CreditAccount account) {

    public boolean replayed() {
        return decision.replayed();
    }

    public <E extends AccountEvent> Optional<E> event(Class<E> type) {
        return decision.first(type);
    }

    public <E extends AccountEvent> E required(Class<E> type) {
        return event(type).orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " decided"));
    }
}
