package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.notification.domain.NotificationKind;
import dev.ardoise.notification.domain.NotificationStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The optional filters of GET /notifications, checked: a bad one is a 400 naming its field. {@code stores} are the
 * stores whose accounts the caller sees (null: every store); the database filters them, so that a page is a page
 * of what the caller may see.
 */
record NotificationFilter(UUID accountId, String invoiceId, NotificationKind kind, NotificationStatus status,
                          Set<String> stores) {
    private static final String STORES = "stores";

    static NotificationFilter of(String accountId, String invoiceId, String kind, String status,
                                 Set<String> stores) {
        return new NotificationFilter(accountId(accountId), blankToNull(invoiceId),
                named("kind", kind, NotificationKind.class), named("status", status, NotificationStatus.class),
                stores);
    }

    /** A caller whose token names no store sees nothing (and SQL has no empty "in"). */
    boolean seesNothing() {
        return stores != null && stores.isEmpty();
    }

    boolean isEmpty() {
        return parameters().isEmpty();
    }

    String query() {
        List<String> conditions = new ArrayList<>();
        parameters().keySet().stream().sorted().forEach(name -> conditions.add(STORES.equals(name)
                ? "accountId in (select c.accountId from Contact c where c.storeId in :stores)"
                : name + " = :" + name));
        return String.join(" and ", conditions);
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (accountId != null) {
            parameters.put("accountId", accountId);
        }
        if (invoiceId != null) {
            parameters.put("invoiceId", invoiceId);
        }
        if (kind != null) {
            parameters.put("kind", kind);
        }
        if (status != null) {
            parameters.put("status", status);
        }
        if (stores != null) {
            parameters.put(STORES, stores);
        }
        return parameters;
    }

    static UUID accountId(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("accountId", "not a UUID: " + value);
        }
    }

    static <E extends Enum<E>> E named(String field, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "unknown " + field + " " + value + ", expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
