package dev.ardoise.invoice.persistence;

import java.util.List;

/**
 * One page of a list: {@code page} counts from 0; {@code total} is the number of items on every page, counted in
 * the same snapshot as the items, so that a page holding the whole list has {@code total} items.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Whether items follow this page's. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
