package dev.ardoise.http.security;

import java.util.Set;

/**
 * Who is calling, as a verified token says: the user (its subject), the roles, the stores the holder works for
 * and, for a register, the register. Nothing here comes from a header or a body.
 *
 * <p>Operators and services work for every store; everyone else sees only the stores the token names. A token that
 * grants a store role (cashier, manager, viewer) is held to its stores whatever else it grants: otherwise a manager
 * who is also an operator could move money in any store.
 */
public record Caller(String userId, Set<String> roles, Set<String> stores, String registerId) {
    public Caller {
        roles = Set.copyOf(roles);
        stores = Set.copyOf(stores);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean seesEveryStore() {
        boolean storeRole = has(Roles.CASHIER) || has(Roles.MANAGER) || has(Roles.VIEWER);
        return !storeRole && (has(Roles.OPERATOR) || has(Roles.SERVICE));
    }

    /** Whether the caller may see an account of this store; an account of another store must look absent. */
    public boolean worksFor(String storeId) {
        return seesEveryStore() || (storeId != null && stores.contains(storeId));
    }

    /** The role recorded on what the caller does: the most trusted one its token grants. */
    public String mainRole() {
        for (String role : new String[] {Roles.MANAGER, Roles.CASHIER, Roles.OPERATOR, Roles.SERVICE, Roles.VIEWER}) {
            if (has(role)) {
                return role;
            }
        }
        throw new IllegalStateException("a verified caller always has a role");
    }
}
