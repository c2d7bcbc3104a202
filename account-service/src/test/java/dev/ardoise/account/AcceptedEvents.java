package dev.ardoise.account;

import dev.ardoise.account.domain.InputRules;
import dev.ardoise.events.AccountEvent;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What may enter an account's stream, whichever command recorded it: every text, amount and date of an accepted
 * event within the bounds every reader stores and computes with. Walks each event's record components.
 */
public final class AcceptedEvents {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000000");

    private AcceptedEvents() {
    }

    /** Asserts every value of the event (and of its lines and allocations) is in bounds. */
    public static void assertInBounds(AccountEvent event, LocalDate today) {
        check(event, event.getClass().getSimpleName(), today);
    }

    private static void check(Object value, String path, LocalDate today) {
        if (value == null || value instanceof Enum<?> || value instanceof Boolean || value instanceof java.time.Instant) {
            return;
        }
        if (value instanceof String text) {
            assertTrue(text.length() <= InputRules.MAX_TEXT_LENGTH, path + " is " + text.length() + " characters");
            assertFalse(InputRules.hasControlCharacters(text), path + " has control characters");
            assertTrue(text.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF),
                    path + " has a lone surrogate");
        } else if (value instanceof BigDecimal amount) {
            assertTrue(amount.abs().compareTo(MAX_AMOUNT) < 0, path + " = " + amount);
            assertTrue(amount.scale() >= 0 && amount.scale() <= 4, path + " has scale " + amount.scale());
        } else if (value instanceof LocalDate date) {
            assertFalse(date.isBefore(today.minusYears(1)), path + " = " + date);
            assertFalse(date.isAfter(today.plus(InputRules.DUE_DATE_HORIZON)), path + " = " + date);
        } else if (value instanceof Collection<?> items) {
            assertTrue(items.size() <= InputRules.MAX_LINES, path + " has " + items.size() + " items");
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", today);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    check(component.getAccessor().invoke(record), path + "." + component.getName(), today);
                } catch (ReflectiveOperationException e) {
                    fail("cannot read " + path + "." + component.getName(), e);
                }
            }
        } else if (!(value instanceof Number)) {
            fail(path + " is a " + value.getClass() + " this check does not know");
        }
    }
}
