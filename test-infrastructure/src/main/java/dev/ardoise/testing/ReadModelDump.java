package dev.ardoise.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * A canonical text of the read models of some accounts: every row of every table, every column but the times
 * of writing, sorted; account ids may be replaced by labels so that two copies of one history compare equal.
 * The tables are invoice-service's read models (dumped by its tests and by the benchmark).
 */
public final class ReadModelDump {
    public static final List<String> TABLES = List.of("account", "invoice", "credit_hold", "ledger_entry",
            "invoice_application", "reader_position", "parked_event");
    private static final Set<String> WRITE_TIMES = Set.of("updated_at", "parked_at");

    private ReadModelDump() {
    }

    /** @param labels account id to the label it is shown as (every account dumped must have one) */
    public static String of(DataSource dataSource, Map<UUID, String> labels) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            java.sql.Array ids = connection.createArrayOf("uuid", labels.keySet().toArray());
            for (String table : TABLES) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM " + table + " WHERE account_id = ANY(?)")) {
                    query.setArray(1, ids);
                    try (ResultSet rows = query.executeQuery()) {
                        lines.addAll(rows(table, rows, labels));
                    }
                }
            }
        }
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    /** Every row of the read models, whatever the account (no labels). */
    public static String all(DataSource dataSource) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement query = connection.prepareStatement("SELECT * FROM " + table);
                     ResultSet rows = query.executeQuery()) {
                    lines.addAll(rows(table, rows, Map.of()));
                }
            }
        }
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    private static List<String> rows(String table, ResultSet rows, Map<UUID, String> labels) throws SQLException {
        return lines(table, rows, labels, WRITE_TIMES);
    }

    /**
     * Each row as one line: the table, then every column but those {@code leftOut} as {@code name=value}, with each
     * labelled uuid replaced by its label (so that rows of two accounts with the same history read the same).
     */
    public static List<String> lines(String table, ResultSet rows, Map<UUID, String> labels, Set<String> leftOut)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        ResultSetMetaData columns = rows.getMetaData();
        while (rows.next()) {
            StringBuilder line = new StringBuilder(table);
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                String column = columns.getColumnName(i);
                if (!leftOut.contains(column)) {
                    line.append(' ').append(column).append('=').append(rows.getString(i));
                }
            }
            String text = line.toString();
            for (Map.Entry<UUID, String> label : labels.entrySet()) {
                text = text.replace(label.getKey().toString(), label.getValue());
            }
            lines.add(text);
        }
        return lines;
    }

    /** Where two dumps part, to see what differs without printing both. */
    public static String firstDifference(String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (!before.get(i).equals(after.get(i))) {
                return "line " + (i + 1) + ":\n expected: " + before.get(i) + "\n actual:   " + after.get(i);
            }
        }
        return "expected has " + before.size() + " lines, actual " + after.size();
    }
}
