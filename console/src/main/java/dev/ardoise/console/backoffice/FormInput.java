package dev.ardoise.console.backoffice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The back office's form fields, checked before any call with the services' own bounds: amounts of at most 13
 * digits and 2 decimals (typed as {@code 1500}, {@code 1500.50} or, in French, {@code 1 500,50}), texts of at most
 * 500 characters, ids of at most 100. A breach is an {@link InvalidInput} naming the field.
 */
final class FormInput {
    static final int LONGEST_TEXT = 500;
    static final int LONGEST_ID = 100;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    /** Spaces a person (or the French number format) puts between thousands. */
    private static final Pattern GROUPING = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private FormInput() {
    }

    /** An amount above zero, as an exact decimal string ({@code "125.5"}). */
    static String positiveAmount(String field, String typed) {
        BigDecimal amount = amount(field, typed);
        if (amount.signum() <= 0) {
            throw new InvalidInput(field, "invalid_amount_positive");
        }
        return amount.toPlainString();
    }

    /** A credit limit: zero or more. */
    static String limit(String field, String typed) {
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
    static String optionalText(String field, String typed) {
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

    static String requiredText(String field, String typed) {
        String text = optionalText(field, typed);
        if (text == null) {
            throw new InvalidInput(field, "invalid_required");
        }
        return text;
    }

    /** An invoice id (from the page's list of invoices); null when none is chosen. */
    static String optionalId(String field, String typed) {
        String id = optionalText(field, typed);
        if (id != null && id.length() > LONGEST_ID) {
            throw new InvalidInput(field, "invalid_too_long");
        }
        return id;
    }

    static String requiredId(String field, String typed) {
        String id = optionalId(field, typed);
        if (id == null) {
            throw new InvalidInput(field, "invalid_required");
        }
        return id;
    }

    /** One of the values the form offers (upper case). */
    static String oneOf(String field, String chosen, Set<String> offered) {
        if (chosen == null || !offered.contains(chosen)) {
            throw new InvalidInput(field, "invalid_choice");
        }
        return chosen;
    }

    /** The idempotency key the form was rendered with: a UUID, or the page is out of date. */
    static String key(String typed) {
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
    static LocalDate optionalDay(String field, String typed) {
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
    static void inOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from", "invalid_period");
        }
    }
}
