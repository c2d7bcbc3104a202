package dev.ardoise.console.operations;

import java.util.Set;

/**
 * The reasons account-service gives a POS sale whose sender may not charge the account (PosSaleRefusedException):
 * declined and dead-lettered, not a decision on the account's credit.
 */
final class PosRefusals {
    private static final Set<String> SENDER_REFUSED = Set.of("NO_VALID_TOKEN", "ROLE_MAY_NOT_CHARGE",
            "ACCOUNT_NOT_FOUND");

    private PosRefusals() {
    }

    static boolean isSenderRefused(String reason) {
        return SENDER_REFUSED.contains(reason);
    }
}
