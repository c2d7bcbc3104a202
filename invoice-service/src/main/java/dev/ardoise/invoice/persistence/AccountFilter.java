package dev.ardoise.invoice.persistence;

/**
 * Which accounts of the store's list to show: those of the {@code stores} in scope; {@code search} matches the name
 * or the customer id (case ignored, anywhere in it), {@code status} is a balance status (OUTSTANDING, OVERDUE,
 * SETTLED) or an account status (OPEN, SUSPENDED, CLOSED); both may be null.
 */
public record AccountFilter(StoreScope stores, String search, String status, AccountSort sort, boolean ascending,
                            int page, int size) {

    public enum AccountSort {
        NAME("lower(a.name)"), OUTSTANDING("a.owed"), OVERDUE("overdue"),
        AVAILABLE("available");

        final String column;

        AccountSort(String column) {
            this.column = column;
        }
    }
}
