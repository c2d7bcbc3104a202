package dev.ardoise.account.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bounds of every field a merchant's command carries, whether it comes over HTTP or from a register on
 * {@code pos-sales}: one set of rules at every edge. A breach names the field and the reason
 * ({@link InvalidCommandException}) and nothing is recorded. Amounts are bounded by {@link Money}.
 *
 * <p>Each bound keeps a value inside what every reader stores and computes with (PostgreSQL's date ends in year
 * 5,874,897; a quantity of 1e999999999 times a price is a number of a billion digits) and well above what a
 * store sells.
 */
public final class InputRules {
    public static final String STORE_ID_RULE = "must be 1 to 20 letters, digits, _ or -";
    /** Ids and keys: saleId, depositId, holdId, customerId, invoiceId... */
    public static final int MAX_KEY_LENGTH = 100;
    /** Names, descriptions, notes, reasons, references. */
    public static final int MAX_TEXT_LENGTH = 500;
    /** The longest address SMTP carries (RFC 5321). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Longer than any language tag a customer has (fr-CA, zh-Hant-TW). */
    public static final int MAX_LANGUAGE_LENGTH = 35;
    /** A till's longest receipt is a few dozen lines; 500 keeps a sale's event far below the broker's record size. */
    public static final int MAX_LINES = 500;
    /** Up to a million units of one line, to the gram or the millimetre. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    public static final int MAX_QUANTITY_DECIMALS = 3;
    /**
     * How far after the invoice date a CUSTOM due date may be: the longest instalment plan a store offers on
     * account is counted in months; a date past three years is a keying error (2062 for 2026) that would sit in
     * every aging report, and an absurd one (+5874898-01-01) cannot be stored by the readers at all.
     */
    public static final Period DUE_DATE_HORIZON = Period.ofYears(3);

    /** A store id names an invoice-number series: a stray space or case would start another one. */
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    /** Control characters (NUL...) have no place in a name or a note, and PostgreSQL's jsonb refuses NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private InputRules() {
    }

    public static boolean isStoreId(String value) {
        return STORE_ID.matcher(value).matches();
    }

    public static boolean hasControlCharacters(String value) {
        return CONTROL.matcher(value).find();
    }

    /** Whether an id is short enough, without control characters and well-formed: one a record can be keyed by. */
    public static boolean isPlainKey(String value) {
        return value.length() <= MAX_KEY_LENGTH && !hasControlCharacters(value) && isWellFormed(value);
    }

    /** A required id or idempotency key, stripped. */
    public static String key(String field, String value) {
        String key = text(field, value);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidCommandException(field, "is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    /** An id that may be absent; null when blank. */
    public static String optionalKey(String field, String value) {
        return isBlank(value) ? null : key(field, value);
    }

    /** Required free text, stripped. */
    public static String text(String field, String value) {
        if (isBlank(value)) {
            throw new InvalidCommandException(field, "is required");
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidCommandException(field, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (hasControlCharacters(text)) {
            throw new InvalidCommandException(field, "contains control characters");
        }
        if (!isWellFormed(text)) {
            throw new InvalidCommandException(field, "is not well-formed Unicode (a lone surrogate)");
        }
        return text;
    }

    /** Free text that may be absent; null when blank. */
    public static String optionalText(String field, String value) {
        return isBlank(value) ? null : text(field, value);
    }

    /** An email address that may be absent; null when blank. */
    public static String optionalEmail(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        String email = value.strip();
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidCommandException(field, "is longer than " + MAX_EMAIL_LENGTH + " characters");
        }
        if (!EMAIL.matcher(email).matches() || !isWellFormed(email)) {
            throw new InvalidCommandException(field, "is not an email address");
        }
        return email;
    }

    /** A language tag such as fr-CA or en. */
    public static String language(String field, String value) {
        String language = text(field, value);
        if (language.length() > MAX_LANGUAGE_LENGTH || Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            throw new InvalidCommandException(field, "is not a language tag such as fr-CA or en");
        }
        return language;
    }

    /** The number of lines of one sale. */
    public static void lineCount(int lines) {
        if (lines > MAX_LINES) {
            throw new InvalidCommandException("lines", "has more than " + MAX_LINES + " lines");
        }
    }

    /** A line's quantity: above zero, at most {@link #MAX_QUANTITY}, to {@link #MAX_QUANTITY_DECIMALS} decimals. */
    public static BigDecimal quantity(String field, BigDecimal quantity) {
        if (quantity == null) {
            throw new InvalidCommandException(field, "is required");
        }
        if (quantity.signum() <= 0) {
            throw new InvalidCommandException(field, "must be greater than zero");
        }
        if (quantity.compareTo(MAX_QUANTITY) > 0) {
            throw new InvalidCommandException(field, "must be at most " + MAX_QUANTITY.toPlainString());
        }
        if (quantity.stripTrailingZeros().scale() > MAX_QUANTITY_DECIMALS) {
            throw new InvalidCommandException(field, "has more than " + MAX_QUANTITY_DECIMALS + " decimals");
        }
        return quantity;
    }

    /** A CUSTOM due date: not before the invoice date, at most {@link #DUE_DATE_HORIZON} after it. */
    public static LocalDate dueDate(String field, LocalDate dueDate, LocalDate issuedOn) {
        if (dueDate.isBefore(issuedOn)) {
            throw new InvalidCommandException(field, "is before the invoice date " + issuedOn);
        }
        LocalDate latest = issuedOn.plus(DUE_DATE_HORIZON);
        if (dueDate.isAfter(latest)) {
            throw new InvalidCommandException(field, "is after " + latest + ", more than "
                    + DUE_DATE_HORIZON.getYears() + " years after the invoice date");
        }
        return dueDate;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** No unpaired UTF-16 surrogate: it has no UTF-8 form, so each reader would store something else. */
    private static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
