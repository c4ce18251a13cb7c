package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads stored events and transactions. */
@Component
public class Events {

    private final JdbcClient jdbc;

    public Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long projectId, String eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE project_id = ? AND event_id = ?)")
                .params(projectId, eventId)
                .query(Boolean.class)
                .single();
    }

    /** The event's JSON as the SDK sent it. */
    public Optional<byte[]> payload(long projectId, String eventId) {
        return jdbc.sql("SELECT payload FROM events WHERE project_id = ? AND event_id = ?")
                .params(projectId, eventId)
                .query((rs, n) -> CompressedPayloads.decompress(rs.getBytes(1)))
                .optional();
    }

    public Optional<EventType> type(long projectId, String eventId) {
        return jdbc.sql("SELECT type FROM events WHERE project_id = ? AND event_id = ?")
                .params(projectId, eventId)
                .query((rs, n) -> EventType.ofColumn(rs.getString(1)))
                .optional();
    }

    /** Events and transactions stored for a project. */
    public long count(long projectId) {
        return jdbc.sql("SELECT count(*) FROM events WHERE project_id = ?")
                .param(projectId)
                .query(Long.class)
                .single();
    }
}
