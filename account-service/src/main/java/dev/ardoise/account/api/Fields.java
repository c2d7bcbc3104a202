package dev.ardoise.account.api;

import dev.ardoise.account.domain.InputRules;
import dev.ardoise.http.InvalidRequestException;

import java.time.Duration;
import java.util.regex.Pattern;

/** Checks of the fields of a request, each failing with a 400 that names the field and the reason. */
final class Fields {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_KEY_LENGTH = 100;
    private static final int MAX_TEXT_LENGTH = 500;
    private static final long MAX_SECONDS = Duration.ofDays(30).toSeconds();

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
        return text(value, field);
    }

    /** Free text that may be absent; null when blank. */
    static String optionalText(String value, String field) {
        return value == null || value.isBlank() ? null : text(value, field);
    }

    /** A register's idempotency key (saleId, depositId...). */
    static String key(String value, String field) {
        String key = requiredText(value, field);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException(field, "is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    /** An optional id naming something (an invoice, a hold); null when absent. */
    static String optionalKey(String value, String field) {
        return value == null || value.isBlank() ? null : key(value, field);
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

    /** A positive number of seconds, or the default when absent. */
    static Duration seconds(Long seconds, String field, Duration byDefault) {
        if (seconds == null) {
            return byDefault;
        }
        if (seconds <= 0) {
            throw new InvalidRequestException(field, "must be greater than zero");
        }
        if (seconds > MAX_SECONDS) {
            throw new InvalidRequestException(field, "must be at most " + MAX_SECONDS + " (30 days)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String text(String value, String field) {
        String text = value.strip();
        if (InputRules.hasControlCharacters(text)) {
            throw new InvalidRequestException(field, "contains control characters");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException(field, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }
}
