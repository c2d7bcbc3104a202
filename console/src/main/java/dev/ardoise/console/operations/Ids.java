package dev.ardoise.console.operations;

import java.util.UUID;

/** The ids the services give accounts and emails: UUIDs in their 36-character form. */
final class Ids {
    private Ids() {
    }

    static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
