package dev.ardoise.http.security;

/**
 * The roles a verified token may grant (its {@code groups} claim). The role matrix in {@code docs/security.md}
 * says which operation each may call; resources name them in {@code @RolesAllowed}.
 */
public final class Roles {
    /** At the till: opens accounts without a limit, charges, holds, deposits, payments. */
    public static final String CASHIER = "CASHIER";
    /** The store's manager: limits, overrides, refunds, adjustments, write-offs, status, statements, resends. */
    public static final String MANAGER = "MANAGER";
    /** The back office, read only. */
    public static final String VIEWER = "VIEWER";
    /** Operations: rebuild, reconciliation, parked messages and emails, dead letters; every store. */
    public static final String OPERATOR = "OPERATOR";
    /** Another Ardoise service calling on its own behalf; every store. */
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }
}
