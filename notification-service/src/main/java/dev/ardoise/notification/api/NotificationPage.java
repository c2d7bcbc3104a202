package dev.ardoise.notification.api;

import java.util.List;

/** One page of GET /notifications: {@code page} counts from 0; {@code total} is across all pages. */
public record NotificationPage(List<NotificationView> items, int page, int size, long total) {
}
