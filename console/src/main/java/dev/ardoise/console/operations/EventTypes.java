package dev.ardoise.console.operations;

import dev.ardoise.events.AccountEvent;

import java.util.Arrays;
import java.util.List;

/** The event types of the catalogue (the account-events module's), each with the key of its name in words. */
public final class EventTypes {
    public record EventType(String name) {
        /** The message of {@code OpsMessages} that names it: {@code event_SaleCharged}. */
        public String key() {
            return "event_" + name;
        }
    }

    static final List<EventType> ALL = Arrays.stream(AccountEvent.class.getPermittedSubclasses())
            .map(type -> new EventType(type.getSimpleName())).toList();

    private EventTypes() {
    }
}
