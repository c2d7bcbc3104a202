package dev.ardoise.invoice.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.invoice.domain.InvoiceStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads path and query parameters into clear problems rather than the framework's bare 404s. */
final class RequestParameters {
    static final int DEFAULT_SIZE = 50;
    static final int LARGEST_SIZE = 500;
    /** What PostgreSQL's date type holds with room to spare, and more than any account's life needs. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final int LONGEST_TEXT = 500;

    private RequestParameters() {
    }

    /** An account id that is not a UUID names no account. */
    static UUID accountId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("account", value);
        }
    }

    /** An account id given as a filter: absent is none, unreadable is a bad request. */
    static UUID accountFilter(String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("accountId", "must be an account id (a UUID)");
        }
    }

    static long minVersion(String value) {
        if (absent(value)) {
            return 0;
        }
        try {
            long version = Long.parseLong(value.strip());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("minVersion", "must be a whole number, 0 or more");
    }

    static Optional<InvoiceStatus> invoiceStatus(String value) {
        return Optional.ofNullable(oneOf("status", value, InvoiceStatus.class));
    }

    /** The enum constant named by the value (case ignored), null when absent. */
    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new InvalidRequestException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    static LocalDate date(String field, String value) {
        if (absent(value)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date like 2026-10-31");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidRequestException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    /** An invoice id that could never have been issued (control characters, absurd length) names no invoice. */
    static String invoiceId(String value) {
        if (value == null || value.length() > LONGEST_TEXT || hasControlCharacters(value)) {
            throw new NotFoundProblem("invoice", "(unreadable id)");
        }
        return value;
    }

    static void inOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to (" + to + ")");
        }
    }

    /** asc (the default given) or desc. */
    static boolean ascending(String value, boolean byDefault) {
        if (absent(value)) {
            return byDefault;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidRequestException("order", "must be asc or desc");
        };
    }

    static int page(String value) {
        return whole("page", value, 0, 0, Integer.MAX_VALUE / LARGEST_SIZE);
    }

    static int size(String value) {
        return whole("size", value, DEFAULT_SIZE, 1, LARGEST_SIZE);
    }

    private static int whole(String field, String value, int byDefault, int least, int most) {
        if (absent(value)) {
            return byDefault;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(field, "must be a whole number from " + least + " to " + most);
    }

    /** Free text of a query: at most 500 characters, no control characters (PostgreSQL refuses NUL). */
    static String text(String field, String value) {
        if (absent(value)) {
            return null;
        }
        if (value.length() > LONGEST_TEXT || hasControlCharacters(value)) {
            throw new InvalidRequestException(field, "must be at most " + LONGEST_TEXT
                    + " characters, without control characters");
        }
        return value.strip();
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
