package dev.ardoise.invoice.domain;

import java.math.BigDecimal;

/** Where an account stands: nothing owed, something owed, or something owed past its due date. */
public enum BalanceStatus {
    SETTLED, OUTSTANDING, OVERDUE;

    public static BalanceStatus of(BigDecimal owed, BigDecimal overdue) {
        if (overdue.signum() > 0) {
            return OVERDUE;
        }
        return owed.signum() > 0 ? OUTSTANDING : SETTLED;
    }
}
