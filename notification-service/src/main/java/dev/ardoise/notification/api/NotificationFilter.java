package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.notification.domain.NotificationStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The optional filters of GET /notifications, checked: a bad one is a 400 naming its field. */
record NotificationFilter(UUID accountId, String invoiceId, NotificationStatus status) {

    static NotificationFilter of(String accountId, String invoiceId, String status) {
        return new NotificationFilter(accountId(accountId), blankToNull(invoiceId), status(status));
    }

    boolean isEmpty() {
        return accountId == null && invoiceId == null && status == null;
    }

    String query() {
        List<String> conditions = new ArrayList<>();
        parameters().keySet().stream().sorted().forEach(name -> conditions.add(name + " = :" + name));
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
        if (status != null) {
            parameters.put("status", status);
        }
        return parameters;
    }

    private static UUID accountId(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("accountId", "not a UUID: " + value);
        }
    }

    private static NotificationStatus status(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return NotificationStatus.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "unknown status " + value + ", expected one of "
                    + Arrays.toString(NotificationStatus.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
