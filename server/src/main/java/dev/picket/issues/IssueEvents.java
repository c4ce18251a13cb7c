package dev.picket.issues;

import dev.picket.inbox.CompressedPayloads;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** One event of an issue and the way to the events around it, for stepping through an issue's events. */
@Service
public class IssueEvents {

    private final JdbcClient jdbc;

    IssueEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event with this id if it belongs to the issue. */
    public Optional<StoredEvent> event(long issueId, String eventId) {
        return jdbc.sql("SELECT " + IssueRows.EVENT_COLUMNS + ", payload FROM events WHERE issue_id = ? AND event_id = ?")
                .param(issueId).param(eventId)
                .query((row, n) -> new StoredEvent(IssueRows.event(row, n),
                        CompressedPayloads.decompress(row.getBytes("payload"))))
                .optional();
    }

    /** The events around {@code eventId} by (timestamp, row), the order the events list shows. */
    public EventNeighbours around(long issueId, String eventId) {
        record Position(long timestamp, long id) {
        }
        Position at = jdbc.sql("SELECT timestamp, id FROM events WHERE issue_id = ? AND event_id = ?")
                .param(issueId).param(eventId)
                .query((row, n) -> new Position(row.getLong(1), row.getLong(2))).single();
        String older = one("""
                SELECT event_id FROM events WHERE issue_id = ? AND (timestamp < ? OR (timestamp = ? AND id < ?))
                ORDER BY timestamp DESC, id DESC LIMIT 1""", issueId, at.timestamp(), at.timestamp(), at.id());
        String newer = one("""
                SELECT event_id FROM events WHERE issue_id = ? AND (timestamp > ? OR (timestamp = ? AND id > ?))
                ORDER BY timestamp, id LIMIT 1""", issueId, at.timestamp(), at.timestamp(), at.id());
        String oldest = older == null ? null
                : one("SELECT event_id FROM events WHERE issue_id = ? ORDER BY timestamp, id LIMIT 1", issueId);
        String latest = newer == null ? null
                : one("SELECT event_id FROM events WHERE issue_id = ? ORDER BY timestamp DESC, id DESC LIMIT 1", issueId);
        return new EventNeighbours(oldest, older, newer, latest);
    }

    private String one(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).optional().orElse(null);
    }
}
