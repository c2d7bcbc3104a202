package dev.ardoise.invoice.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The accounts the live reader parked ({@code parked_account}) and the version each is parked at, for the rebuild:
 * it folds them up to that version only, so that their parked row stays true once its tables are switched in.
 */
final class LiveParkings {
    private LiveParkings() {
    }

    /** Blocking: reads them all (few: each waits for an operator). */
    static Map<UUID, Long> read(Connection connection) throws SQLException {
        Map<UUID, Long> parkedAt = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT account_id, version FROM parked_account")) {
            while (rows.next()) {
                parkedAt.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return parkedAt;
    }
}
