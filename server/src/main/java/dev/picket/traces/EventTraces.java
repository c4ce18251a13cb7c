package dev.picket.traces;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The trace and function state of one error event, for the event section of the issue page. */
@Component("eventTraces")
public class EventTraces {

    /**
     * @param traceId   the trace it happened in, or null
     * @param function  the serverless function it happened in, or null
     * @param coldStart whether that invocation was a cold start, or null when unknown
     */
    public record EventTrace(String traceId, String function, Boolean coldStart, boolean timeoutWarning) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventTraces(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Null when the event is unknown, or has neither a trace nor a function. */
    public EventTrace of(long projectId, String eventId) {
        return jdbc.sql("SELECT trace_id, payload FROM events WHERE project_id = ? AND event_id = ?")
                .params(projectId, eventId)
                .query((rs, n) -> {
                    FunctionFacts facts = FunctionFacts.ofStored(json, rs.getBytes(2));
                    return new EventTrace(rs.getString(1), facts.function(), facts.coldStart(), facts.timeoutWarning());
                })
                .optional()
                .filter(trace -> trace.traceId() != null || trace.function() != null)
                .orElse(null);
    }
}
