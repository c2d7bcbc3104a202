package dev.ardoise.invoice.it;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** How far the live projection has read, as its {@code reader_position} table says. */
final class ReaderPositions {
    private ReaderPositions() {
    }

    /** True when every one of these accounts has been applied up to exactly this version. */
    static boolean allAt(DataSource dataSource, Collection<UUID> accounts, long version) throws SQLException {
        return positions(dataSource, accounts, version) == accounts.size();
    }

    /** True when not one of these accounts has a position: nothing of theirs has been applied. */
    static boolean noneOf(DataSource dataSource, Collection<UUID> accounts) throws SQLException {
        return positions(dataSource, accounts, null) == 0;
    }

    /** How many of these accounts have a position (at this version, when one is given). */
    private static long positions(DataSource dataSource, Collection<UUID> accounts, Long version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM reader_position "
                     + "WHERE account_id = ANY(?)" + (version == null ? "" : " AND last_version = ?"))) {
            query.setArray(1, connection.createArrayOf("uuid", accounts.toArray()));
            if (version != null) {
                query.setLong(2, version);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
