package dev.picket.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes the {@code events} table. An event already stored for its project stays as it is. */
final class EventsTable {

    private static final String INSERT = """
            INSERT INTO events (project_id, event_id, type, received_at, payload) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (project_id, event_id) DO NOTHING""";

    /** Inserts within the caller's transaction. */
    void insert(Connection transaction, List<EventRow> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = transaction.prepareStatement(INSERT)) {
            for (EventRow event : events) {
                insert.setLong(1, event.projectId());
                insert.setString(2, event.eventId());
                insert.setString(3, event.type().column());
                insert.setLong(4, event.receivedAt());
                insert.setBytes(5, event.compressedPayload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
