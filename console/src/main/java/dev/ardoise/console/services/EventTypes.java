package dev.ardoise.console.services;

import dev.ardoise.events.AccountEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The event types of the catalogue: the permitted types of the account-events module's sealed {@code AccountEvent}. */
public final class EventTypes {
    public record EventType(String name) {
        /** The message of {@link EventWords} that names it: {@code event_SaleCharged}. */
        public String key() {
            return KEY_PREFIX + name;
        }
    }

    public static final String KEY_PREFIX = "event_";
    public static final List<EventType> ALL = Arrays.stream(AccountEvent.class.getPermittedSubclasses())
            .map(type -> new EventType(type.getSimpleName())).toList();
    public static final Set<String> NAMES = ALL.stream().map(EventType::name).collect(Collectors.toUnmodifiableSet());

    private EventTypes() {
    }
}
