package dev.ardoise.console.backoffice;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A status, role, event type or kind as the services name it ({@code OVERDUE}), to show in words: its key in the
 * {@code bo} bundle when the back office knows it ({@code invoice_OVERDUE}), else the name as it came.
 */
public record Word(String key, String raw) {

    static Word of(String prefix, String value, Set<String> known) {
        if (value == null) {
            return null;
        }
        return new Word(known.contains(value) ? prefix + value : null, value);
    }

    /** The values a form offers, in this order, each with its words. */
    static List<Word> all(String prefix, String... values) {
        return Arrays.stream(values).map(value -> new Word(prefix + value, value)).toList();
    }

    /** The values of an enum a form offers, in its order, each with its words. */
    static List<Word> all(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(value -> new Word(prefix + value.name(), value.name())).toList();
    }

    public boolean known() {
        return key != null;
    }
}
