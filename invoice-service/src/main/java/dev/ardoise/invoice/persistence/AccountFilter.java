package dev.ardoise.invoice.persistence;

/**
 * Which accounts of the store's list to show: those of the {@code stores} in scope; {@code search} matches the name
 * or the customer id (case ignored, anywhere in it), {@code status} is a balance status (OUTSTANDING, OVERDUE,
 * SETTLED) or an account status (OPEN, SUSPENDED, CLOSED); {@code usage} keeps the accounts near or over their
 * limit, {@code depositsHeld} those with a deposit balance; each may be null (or false): no filter.
 */
public record AccountFilter(StoreScope stores, String search, String status, Usage usage, boolean depositsHeld,
                            AccountSort sort, boolean ascending, int page, int size) {

    /**
     * How much of its limit an account uses: NEAR_LIMIT owes 80 % of its limit or more without passing it;
     * OVER_LIMIT owes more than its limit (lowered below what was owed). An account without a limit is neither.
     */
    public enum Usage {
        NEAR_LIMIT("a.credit_limit IS NOT NULL AND a.owed > 0 AND a.owed * 5 >= a.credit_limit * 4 "
                + "AND a.owed <= a.credit_limit"),
        OVER_LIMIT("a.credit_limit IS NOT NULL AND a.owed > a.credit_limit");

        final String condition;

        Usage(String condition) {
            this.condition = condition;
        }
    }

    /** What the deposits filter accepts: HELD, the accounts with a deposit balance above zero. */
    public enum Deposits {
        HELD
    }

    public enum AccountSort {
        NAME("lower(a.name)"), OUTSTANDING("a.owed"), OVERDUE("overdue"),
        AVAILABLE("available");

        final String column;

        AccountSort(String column) {
            this.column = column;
        }
    }
}
