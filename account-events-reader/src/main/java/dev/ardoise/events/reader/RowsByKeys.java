package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Native statements that pick the rows of a batch by their keys, the keys bound as one array parameter
 * ({@code where account_id = any(?1)}), in the session's transaction. Their text does not depend on how many keys
 * there are, and a native statement is not translated: the same in HQL ({@code accountId in ?1} with a list) is
 * translated to SQL again at every execution, Hibernate keeping no plan for a query with a list parameter, whose SQL
 * changes with the list's size. What the readers run per batch goes this way. Pending changes to the entity's table
 * are flushed first, as before an HQL query on it. (Hibernate Reactive 3.2.11 misses its plan cache for every native
 * select, see docs/architecture.md: building the plan again is cheap, the lookup is not free.)
 */
public final class RowsByKeys {

    private RowsByKeys() {
    }

    /** The entities the select finds (all the entity's columns, e.g. {@code select * from ...}), managed. */
    public static <T> Uni<List<T>> list(Class<T> entity, String sql, Keys... parameters) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql, entity,
                new AffectedEntities(entity)), parameters).getResultList());
    }

    /** Rows of plain values (e.g. counts) read from the entity's table. */
    public static Uni<List<Object[]>> values(Class<?> entity, String sql, Keys... parameters) {
        return Panache.getSession().chain(session -> bound(session.createNativeQuery(sql, Object[].class,
                new AffectedEntities(entity)), parameters).getResultList());
    }

    /** A delete or update of the entity's table; the number of rows it changed. */
    public static Uni<Integer> execute(Class<?> entity, String sql, Keys... parameters) {
        return Panache.getSession().chain(session -> {
            Mutiny.Query<Object> statement = session.createNativeQuery(sql, new AffectedEntities(entity));
            for (int index = 0; index < parameters.length; index++) {
                statement.setParameter(index + 1, parameters[index].array);
            }
            return statement.executeUpdate();
        });
    }

    public static Keys uuids(Collection<UUID> keys) {
        return new Keys(keys.toArray(UUID[]::new));
    }

    public static Keys strings(Collection<String> keys) {
        return new Keys(keys.toArray(String[]::new));
    }

    private static <T> Mutiny.SelectionQuery<T> bound(Mutiny.SelectionQuery<T> query, Keys[] parameters) {
        for (int index = 0; index < parameters.length; index++) {
            query.setParameter(index + 1, parameters[index].array);
        }
        return query;
    }

    /** Keys bound as one array parameter (a list would be expanded to one parameter per key). */
    public static final class Keys {
        private final Object[] array;

        private Keys(Object[] array) {
            this.array = array;
        }
    }
}
