package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/**
 * Many rows of one table in one native insert per {@value #ROWS_PER_STATEMENT} rows, in the session's transaction,
 * instead of one insert per row: PostgreSQL then plans and executes a statement per thousand rows. What the readers
 * write most (positions, history rows) goes this way. Every value must be non-null, so that each has its type.
 */
public final class MultiRowInsert<T> {
    static final int ROWS_PER_STATEMENT = 1000;

    private final String into;
    private final int columns;
    private final String onConflict;
    private final Function<T, Object[]> values;

    /**
     * @param into       the table and its columns, e.g. {@code "reader_position (account_id, last_version)"}
     * @param onConflict what follows the values ({@code "on conflict ..."}), or an empty string
     * @param values     a row's values, in the columns' order
     */
    public MultiRowInsert(String into, int columns, String onConflict, Function<T, Object[]> values) {
        this.into = into;
        this.columns = columns;
        this.onConflict = onConflict;
        this.values = values;
    }

    public Uni<Void> insert(List<T> rows) {
        Uni<Void> inserted = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            inserted = inserted.chain(() -> statement(part));
        }
        return inserted;
    }

    private Uni<Void> statement(List<T> rows) {
        StringBuilder sql = new StringBuilder("insert into ").append(into).append(" values ");
        for (int row = 0; row < rows.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= columns; column++) {
                sql.append(column == 1 ? "?" : ", ?").append(row * columns + column);
            }
            sql.append(')');
        }
        sql.append(onConflict.isEmpty() ? "" : " " + onConflict);
        return Panache.getSession().chain(session -> {
            var statement = session.createNativeQuery(sql.toString());
            for (int row = 0; row < rows.size(); row++) {
                Object[] rowValues = values.apply(rows.get(row));
                for (int column = 0; column < columns; column++) {
                    statement.setParameter(row * columns + column + 1, rowValues[column]);
                }
            }
            return statement.executeUpdate();
        }).replaceWithVoid();
    }
}
