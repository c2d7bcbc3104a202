package dev.ardoise.account.api;

import dev.ardoise.account.domain.InputRules;
import dev.ardoise.http.InvalidRequestException;

import java.time.Duration;

/**
 * Checks of the fields of a request, each failing with a 400 that names the field and the reason. The bounds are
 * the domain's {@link InputRules}, the same for a sale on {@code pos-sales}.
 */
final class Fields {
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
        return InputRules.text(field, value);
    }

    /** Free text that may be absent; null when blank. */
    static String optionalText(String value, String field) {
        return InputRules.optionalText(field, value);
    }

    /** A register's idempotency key (saleId, depositId...). */
    static String key(String value, String field) {
        return InputRules.key(field, value);
    }

    /** An optional id naming something (an invoice, a hold); null when absent. */
    static String optionalKey(String value, String field) {
        return InputRules.optionalKey(field, value);
    }

    static String optionalEmail(String value, String field) {
        return InputRules.optionalEmail(field, value);
    }

    /** An email address; the refusal never repeats it (it is personal data). */
    static String requiredEmail(String value, String field) {
        return required(InputRules.optionalEmail(field, value), field);
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
}
