package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;

import java.util.List;

/**
 * What a command decided: the new events to append, or, when its idempotency key was seen before, the events
 * that recorded the first outcome ({@code replayed}: nothing new is appended).
 */
public record Decision(List<AccountEvent> events, boolean replayed) {
    public Decision {
        events = List.copyOf(events);
    }

    public static Decision of(List<AccountEvent> events) {
        return new Decision(events, false);
    }

    public static Decision of(AccountEvent... events) {
        return new Decision(List.of(events), false);
    }

    public static Decision replay(List<AccountEvent> first) {
        return new Decision(first, true);
    }

    public static Decision nothing() {
        return new Decision(List.of(), false);
    }

    /** The first event of the given type, when the decision has one. */
    public <E extends AccountEvent> java.util.Optional<E> first(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
