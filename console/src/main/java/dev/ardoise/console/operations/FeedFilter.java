package dev.ardoise.console.operations;

import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.InvalidInput;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which events a browser follows: of one type, one store, one account, or all (a blank filter). Checked when the
 * browser asks, so a wrong filter is answered at once, naming the field.
 */
public record FeedFilter(String type, String store, String account) {
    static final FeedFilter ALL = new FeedFilter(null, null, null);
    private static final Pattern TYPE = Pattern.compile("[A-Za-z]{1,60}");
    private static final Pattern STORE = Pattern.compile("[A-Za-z0-9._-]{1,50}");

    /** @throws InvalidInput naming {@code type}, {@code store} or {@code account} */
    static FeedFilter of(String type, String store, String account) {
        return new FeedFilter(checked("type", type, TYPE),
                checked("store", store, STORE),
                accountId(account));
    }

    boolean matches(FeedEvent event) {
        return (type == null || type.equals(event.type()))
                && (store == null || store.equals(event.storeId()))
                && (account == null || account.equals(event.accountId()));
    }

    private static String checked(String field, String value, Pattern pattern) {
        String trimmed = blankToNull(value);
        if (trimmed != null && !pattern.matcher(trimmed).matches()) {
            throw new InvalidInput(field, "invalid_" + field);
        }
        return trimmed;
    }

    private static String accountId(String value) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            return null;
        }
        if (!FormInput.isUuid(trimmed)) {
            throw new InvalidInput("account", "invalid_account");
        }
        return UUID.fromString(trimmed).toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
