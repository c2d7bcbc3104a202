package dev.ardoise.invoice.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list and how many rows the whole list has, counted by the page's own statement
 * ({@code count(*) OVER ()}). A page past the end has no row to carry the count: it is counted apart, and must
 * then be read in a {@link Snapshot} to agree.
 *
 * @param select the columns, as {@code SELECT ...}
 * @param from   the relation and its conditions, as {@code FROM ... WHERE ...}, with {@code params}
 */
record Listing(String select, String from, String order, List<Object> params, int page, int size) {

    record Found(List<Row> rows, long total) {
    }

    Uni<Found> read(SqlClient client) {
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        String sql = select + ", count(*) OVER () AS total" + from + " ORDER BY " + order
                + " LIMIT $" + (paged.size() - 1) + " OFFSET $" + paged.size();
        return client.preparedQuery(sql).execute(Tuple.from(paged)).chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            if (!found.isEmpty() || page == 0) {
                return Uni.createFrom().item(new Found(found, found.isEmpty() ? 0 : found.get(0).getLong("total")));
            }
            return client.preparedQuery("SELECT count(*) AS total" + from).execute(Tuple.from(params))
                    .map(count -> new Found(found, count.iterator().next().getLong("total")));
        });
    }
}
