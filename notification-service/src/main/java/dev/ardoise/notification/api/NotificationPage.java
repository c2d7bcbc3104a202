package dev.ardoise.notification.api;

import java.util.List;

/**
 * One page of GET /notifications: {@code page} counts from 0; {@code total} is across all pages, counted in the
 * same snapshot as the items.
 */
public record NotificationPage(List<NotificationView> items, int page, int size, long total) {

    /** Whether items follow this page's. */
    boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
