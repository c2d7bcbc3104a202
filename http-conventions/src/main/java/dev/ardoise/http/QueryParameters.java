package dev.ardoise.http;

import java.util.UUID;

/** Query parameters read the same way in every service: absent is the default, unreadable a 400 naming it. */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** A whole number within [min, max], or the default when absent. */
    public static long whole(String field, String value, long min, long max, long byDefault) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as out of range
        }
        throw new InvalidRequestException(field, max == Long.MAX_VALUE ? "must be a whole number, " + min + " or more"
                : "must be a whole number from " + min + " to " + max);
    }

    /** An account id given as a filter: null when absent. */
    public static UUID accountFilter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("accountId", "must be an account id (a UUID)");
        }
    }
}
