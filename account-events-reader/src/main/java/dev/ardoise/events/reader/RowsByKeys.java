package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;

/**
 * Native statements that pick the rows of a batch by lists of keys ({@code where account_id in (?1)}), in the
 * session's transaction; each list must hold at least one key. A native statement is not translated: the same in HQL
 * is translated from HQL to SQL again at every execution, since Hibernate keeps no plan for a query with a list
 * parameter (its SQL changes with the list's size). Hibernate keeps none for these either, and does not look for
 * one; binding the keys as one array ({@code = any(?1)}) would make the plan cacheable, but Hibernate Reactive 3.2.11
 * never finds a native select's plan again (its result mapping has no {@code equals}) and its cache lookups then
 * cost more than the translation. What the readers run per batch goes this way. Pending changes to the entity's
 * table are flushed first, as before an HQL query on it.
 */
public final class RowsByKeys {

    private RowsByKeys() {
    }

    /** The entities the select finds (all the entity's columns, e.g. {@code select * from ...}), managed. */
    public static <T> Uni<List<T>> list(Class<T> entity, String sql, Collection<?>... keys) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql, entity,
                new AffectedEntities(entity)), keys).getResultList());
    }

    /** Rows of plain values (e.g. counts) read from the entity's table. */
    public static Uni<List<Object[]>> values(Class<?> entity, String sql, Collection<?>... keys) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql, Object[].class,
                new AffectedEntities(entity)), keys).getResultList());
    }

    /** A delete or update of the entity's table; the number of rows it changed. */
    public static Uni<Integer> execute(Class<?> entity, String sql, Collection<?>... keys) {
        return Panache.getSession().chain(session -> {
            Mutiny.Query<Object> statement = session.createNativeQuery(sql, new AffectedEntities(entity));
            for (int index = 0; index < keys.length; index++) {
                statement.setParameter(index + 1, keys[index]);
            }
            return statement.executeUpdate();
        });
    }

    private static <T> Mutiny.SelectionQuery<T> bound(Mutiny.SelectionQuery<T> query, Collection<?>[] keys) {
        for (int index = 0; index < keys.length; index++) {
            query.setParameter(index + 1, keys[index]);
        }
        return query;
    }
}
