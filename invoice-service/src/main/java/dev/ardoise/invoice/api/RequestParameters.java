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
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date like 2026-10-31");
        }
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

    static String text(String value) {
        return absent(value) ? null : value.strip();
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
