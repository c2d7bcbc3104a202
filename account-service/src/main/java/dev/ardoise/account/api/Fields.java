package dev.ardoise.account.api;

import dev.ardoise.http.InvalidRequestException;

import java.util.regex.Pattern;

/** Checks of the fields of a request, each failing with a 400 that names the field and the reason. */
final class Fields {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_KEY_LENGTH = 100;

    private Fields() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return value.strip();
    }

    /** A register's idempotency key (saleId, depositId...). */
    static String key(String value, String field) {
        String key = requiredText(value, field);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException(field, "is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    static String optionalEmail(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!EMAIL.matcher(value.strip()).matches()) {
            throw new InvalidRequestException(field, "is not an email address");
        }
        return value.strip();
    }
}
