package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads stored error events and transactions by project and event id. */
@Component
public class Events {

    private static final String BOTH = """
            SELECT 'error' AS type, payload FROM events WHERE project_id = ? AND event_id = ?
            UNION ALL
            SELECT 'transaction' AS type, payload FROM transactions WHERE project_id = ? AND event_id = ?""";

    private final JdbcClient jdbc;

    public Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long projectId, String eventId) {
        return type(projectId, eventId).isPresent();
    }

    /** The event's JSON as stored: normalized and scrubbed for errors, scrubbed for transactions. */
    public Optional<byte[]> payload(long projectId, String eventId) {
        return jdbc.sql(BOTH).params(projectId, eventId, projectId, eventId)
                .query((rs, n) -> CompressedPayloads.decompress(rs.getBytes("payload")))
                .optional();
    }

    public Optional<EventType> type(long projectId, String eventId) {
        return jdbc.sql(BOTH).params(projectId, eventId, projectId, eventId)
                .query((rs, n) -> EventType.ofColumn(rs.getString("type")))
                .optional();
    }

    /** Error events and transactions stored for a project. */
    public long count(long projectId) {
        return jdbc.sql("SELECT (SELECT count(*) FROM events WHERE project_id = ?)"
                        + " + (SELECT count(*) FROM transactions WHERE project_id = ?)")
                .params(projectId, projectId)
                .query(Long.class)
                .single();
    }
}
