package dev.ardoise.console.signin;

import java.util.Set;

/**
 * Who is signed in, as their verified token says: the user, the roles ({@code MANAGER}, {@code VIEWER},
 * {@code OPERATOR}...) and the stores they work for. The console shows what the roles allow; the services decide
 * again on every call, with the same token.
 */
public record ConsoleUser(String name, Set<String> roles, Set<String> stores) {
    public static final String MANAGER = "MANAGER";
    public static final String VIEWER = "VIEWER";
    public static final String CASHIER = "CASHIER";
    public static final String OPERATOR = "OPERATOR";

    public ConsoleUser {
        roles = Set.copyOf(roles);
        stores = Set.copyOf(stores);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** A manager acts on accounts; everyone else in the back office only reads. */
    public boolean actsOnAccounts() {
        return has(MANAGER);
    }

    public boolean readsAccounts() {
        return has(MANAGER) || has(VIEWER) || has(CASHIER);
    }

    public boolean operates() {
        return has(OPERATOR);
    }

    /** The role shown beside the name: the most trusted one. */
    public String mainRole() {
        for (String role : new String[] {MANAGER, OPERATOR, CASHIER, VIEWER}) {
            if (has(role)) {
                return role;
            }
        }
        return roles.stream().findFirst().orElse("");
    }
}
