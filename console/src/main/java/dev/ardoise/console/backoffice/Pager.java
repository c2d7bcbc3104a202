package dev.ardoise.console.backoffice;

/** Where a page of a list is: its number from 0, whether pages come before and after it, and the total. */
public record Pager(int page, boolean hasPrevious, boolean hasNext, long total) {

    /** From a service's page answer ({@code page}, {@code size}, {@code total}). */
    static Pager of(int page, int size, long total) {
        return new Pager(page, page > 0, (long) (page + 1) * size < total, total);
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    /** The page as people count it, from 1. */
    public int number() {
        return page + 1;
    }
}
