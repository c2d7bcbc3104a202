package dev.ardoise.events.reader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The events operators skipped ({@code skipped_event}), for whatever else folds the topic (a rebuild, a
 * reconciliation): left out there too, their versions still counted, or a rebuild would undo the skip and a
 * reconciliation report it forever.
 */
public final class SkippedVersions {
    private final Map<UUID, Set<Long>> byAccount;

    private SkippedVersions(Map<UUID, Set<Long>> byAccount) {
        this.byAccount = byAccount;
    }

    /** Blocking: reads them all (there are few: each is an operator's decision). */
    public static SkippedVersions read(Connection connection) throws SQLException {
        Map<UUID, Set<Long>> byAccount = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT account_id, version FROM skipped_event")) {
            while (rows.next()) {
                byAccount.computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashSet<>()).add(rows.getLong(2));
            }
        }
        return new SkippedVersions(byAccount);
    }

    /** The event, or, when an operator skipped it, its place in the stream without the event (as an unknown type). */
    public StreamEvent leftOutIfSkipped(StreamEvent event) {
        Set<Long> skipped = byAccount.get(event.accountId());
        return skipped == null || !skipped.contains(event.version()) ? event
                : new StreamEvent(event.accountId(), event.version(), event.type(), Optional.empty(), event.body());
    }
}
