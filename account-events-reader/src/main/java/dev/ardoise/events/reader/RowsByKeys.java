package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Native statements that pick the rows of a batch by lists of keys ({@code where account_id in (?1)}), in the
 * session's transaction; each list must hold at least one key ({@code in ()} is not SQL): a caller with none has
 * nothing to read. A native statement is not translated: the same in HQL is translated from HQL to SQL again at
 * every execution, since Hibernate keeps no plan for a query with a list parameter (its SQL changes with the list's
 * size). Hibernate keeps none for these either, and does not look for one; binding the keys as one array
 * ({@code = any(?1)}) would make the plan cacheable, but Hibernate Reactive 3.2.11 never finds a native select's plan
 * again (its result mapping has no {@code equals}) and its cache lookups then cost more than the translation. What
 * the readers run per batch goes this way. Pending changes to the tables a statement reads are flushed first, as
 * before an HQL query on them.
 */
public final class RowsByKeys {

    private RowsByKeys() {
    }

    /** The entities the select finds (all the entity's columns, e.g. {@code select * from ...}), managed. */
    public static <T> Uni<List<T>> list(Class<T> entity, String sql, Collection<?>... keys) {
        return list(entity, List.of(), sql, keys);
    }

    /** The same, for a select that also reads other entities' tables (a subquery): they are flushed first too. */
    public static <T> Uni<List<T>> list(Class<T> entity, List<Class<?>> alsoReads, String sql,
                                        Collection<?>... keys) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql, entity,
                reading(entity, alsoReads)), keys).getResultList());
    }

    /** Rows of plain values (e.g. counts) read from the entity's table. */
    public static Uni<List<Object[]>> values(Class<?> entity, String sql, Collection<?>... keys) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql, Object[].class,
                reading(entity, List.of())), keys).getResultList());
    }

    /** A delete or update of the entity's table; the number of rows it changed. */
    public static Uni<Integer> execute(Class<?> entity, String sql, Collection<?>... keys) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql,
                reading(entity, List.of())), keys).executeUpdate());
    }

    private static AffectedEntities reading(Class<?> entity, List<Class<?>> alsoReads) {
        return new AffectedEntities(Stream.concat(Stream.of(entity), alsoReads.stream()).toArray(Class<?>[]::new));
    }

    private static <Q extends Mutiny.AbstractQuery> Q bound(Q query, Collection<?>[] keys) {
        for (int index = 0; index < keys.length; index++) {
            if (keys[index].isEmpty()) {
                throw new IllegalArgumentException("keys ?" + (index + 1) + ": an empty list (in () is not SQL); "
                        + "a caller with no key has nothing to read or change");
            }
            query.setParameter(index + 1, keys[index]);
        }
        return query;
    }
}
