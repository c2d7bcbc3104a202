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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM reader_position "
                     + "WHERE account_id = ANY(?) AND last_version = ?")) {
            query.setArray(1, connection.createArrayOf("uuid", accounts.toArray()));
            query.setLong(2, version);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) == accounts.size();
            }
        }
    }
}
