package dev.ardoise.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The console's form fields (back office and dashboard), checked before any call with the services' own bounds:
 * amounts of at most 13 digits and 2 decimals (typed as {@code 1500}, {@code 1500.50} or, in French,
 * {@code 1 500,50}), texts and reasons of at most 500 characters without control characters, ids of at most 100,
 * account and email ids as UUIDs, whole numbers in a range. A breach is an {@link InvalidInput} naming the field.
 */
public final class FormInput {
    public static final int LONGEST_TEXT = 500;
    public static final int LONGEST_ID = 100;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    /** Spaces a person (or the French number format) puts between thousands. */
    private static final Pattern GROUPING = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private FormInput() {
    }

    /** An amount above zero, as an exact decimal string ({@code "125.5"}). */
    public static String positiveAmount(String field, String typed) {
        BigDecimal amount = amount(field, typed);
        if (amount.signum() <= 0) {
            throw new InvalidInput(field, "invalid_amount_positive");
        }
        return amount.toPlainString();
    }

    /** A credit limit: zero or more. */
    public static String limit(String field, String typed) {
        return amount(field, typed).toPlainString();
    }

    private static BigDecimal amount(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInput(field, "invalid_required");
        }
        String plain = GROUPING.matcher(typed.strip()).replaceAll("").replace(',', '.');
        if (plain.length() > 20 || !AMOUNT.matcher(plain).matches()) {
            throw new InvalidInput(field, "invalid_amount");
        }
        return new BigDecimal(plain);
    }

    /** Free text that may be left empty (null then). */
    public static String optionalText(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (text.length() > LONGEST_TEXT) {
            throw new InvalidInput(field, "invalid_too_long");
        }
        if (CONTROL.matcher(text).find()) {
            throw new InvalidInput(field, "invalid_characters");
        }
        return text;
    }

    public static String requiredText(String field, String typed) {
        String text = optionalText(field, typed);
        if (text == null) {
            throw new InvalidInput(field, "invalid_required");
        }
        return text;
    }

    /** An invoice id (from the page's list of invoices); null when none is chosen. */
    public static String optionalId(String field, String typed) {
        String id = optionalText(field, typed);
        if (id != null && id.length() > LONGEST_ID) {
            throw new InvalidInput(field, "invalid_too_long");
        }
        return id;
    }

    public static String requiredId(String field, String typed) {
        String id = optionalId(field, typed);
        if (id == null) {
            throw new InvalidInput(field, "invalid_required");
        }
        return id;
    }

    /** One of the values the form offers (upper case). */
    public static String oneOf(String field, String chosen, Set<String> offered) {
        if (chosen == null || !offered.contains(chosen)) {
            throw new InvalidInput(field, "invalid_choice");
        }
        return chosen;
    }

    /** The idempotency key the form was rendered with: a UUID, or the page is out of date. */
    public static String key(String typed) {
        try {
            if (typed != null && typed.length() == 36) {
                return UUID.fromString(typed).toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInput("key", "invalid_key");
    }

    /** A calendar day, {@code 2026-11-30}; null when left empty. */
    public static LocalDate optionalDay(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(typed.strip());
            if (day.getYear() < 1900 || day.getYear() > 9999) {
                throw new InvalidInput(field, "invalid_day");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "invalid_day");
        }
    }

    /** A period whose end is not before its start. */
    public static void inOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from", "invalid_period");
        }
    }

    /** An operator's reason for a skip or a mark: recorded for good with their name, so it must say something. */
    public static String reason(String typed) {
        return requiredText("reason", typed);
    }

    /** A whole number (a partition, an offset, a version) from 0 to {@code most}. */
    public static long whole(String field, String typed, long most) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInput(field, "invalid_required");
        }
        try {
            long number = Long.parseLong(typed.strip());
            if (number < 0 || number > most) {
                throw new InvalidInput(field, "invalid_number");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "invalid_number");
        }
    }

    /** The ids the services give accounts and emails: UUIDs in their 36-character form. */
    public static boolean isUuid(String value) {
        return uuid(value).isPresent();
    }

    /** An id in an address: a UUID, or it names nothing (the not-found page, as for another store's account). */
    public static Optional<UUID> uuid(String value) {
        try {
            return value != null && value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
