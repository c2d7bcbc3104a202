package dev.ardoise.account.domain;

import java.util.regex.Pattern;

/** What the service accepts as a store id and as text, whether it comes over HTTP or from a register on Kafka. */
public final class InputRules {
    public static final String STORE_ID_RULE = "must be 1 to 20 letters, digits, _ or -";

    /** A store id names an invoice-number series: a stray space or case would start another one. */
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    /** Control characters (NUL...) have no place in a name or a note, and PostgreSQL's jsonb refuses NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private InputRules() {
    }

    public static boolean isStoreId(String value) {
        return STORE_ID.matcher(value).matches();
    }

    public static boolean hasControlCharacters(String value) {
        return CONTROL.matcher(value).find();
    }
}
