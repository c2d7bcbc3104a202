package dev.ardoise.notification.api;

import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * A page of the delivery log and its total, read in one REPEATABLE READ, read-only transaction: both statements see
 * the database as the first one did. Read apart (READ COMMITTED), a sale charged between them made the list answer
 * {@code "total": 20} with 18 items.
 */
final class NotificationPages {
    private static final String ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private NotificationPages() {
    }

    static Uni<NotificationPage> page(NotificationFilter filter, int page, int size) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(ONE_SNAPSHOT).executeUpdate())
                .chain(() -> {
                    PanacheQuery<Notification> query = query(filter);
                    return query.page(page, size).list().chain(rows -> query.count().map(total ->
                            new NotificationPage(rows.stream().map(NotificationView::of).toList(), page, size,
                                    total)));
                }));
    }

    private static PanacheQuery<Notification> query(NotificationFilter filter) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        return filter.isEmpty() ? Notification.findAll(newestFirst)
                : Notification.find(filter.query(), newestFirst, filter.parameters());
    }
}
