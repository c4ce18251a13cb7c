package dev.picket.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Reads traces: every transaction, span and error event with one trace id, in the projects of one organization. */
@Service
public class Traces {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Traces(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The trace as far as it has arrived, empty when none of it has. */
    public Optional<Trace> find(long organizationId, String traceId) {
        String id = traceId.replace("-", "").toLowerCase(Locale.ROOT);
        List<TraceAssembler.SpanRow> rows = new ArrayList<>(jdbc.sql("""
                        SELECT t.span_id, t.parent_span_id, t.project_id, t.event_id, t.name, t.op, t.status,
                               t.start_time, t.end_time, t.duration_ms, t.function_name, t.cold_start
                        FROM transactions t JOIN projects p ON p.id = t.project_id
                        WHERE t.trace_id = ? AND p.organization_id = ? AND t.span_id IS NOT NULL""")
                .params(id, organizationId)
                .query((rs, n) -> new TraceAssembler.SpanRow(rs.getString(1), rs.getString(2), "transaction",
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(11), rs.getObject(12) == null ? null : rs.getInt(12) == 1, rs.getLong(8),
                        rs.getLong(9), rs.getDouble(10)))
                .list());
        rows.addAll(jdbc.sql("""
                        SELECT s.span_id, s.parent_span_id, s.project_id, s.transaction_event_id,
                               coalesce(s.description, s.name), s.op, s.status, s.start_time, s.end_time, s.duration_ms
                        FROM spans s JOIN projects p ON p.id = s.project_id
                        WHERE s.trace_id = ? AND p.organization_id = ?""")
                .params(id, organizationId)
                .query((rs, n) -> new TraceAssembler.SpanRow(rs.getString(1), rs.getString(2), "span",
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null,
                        null, rs.getLong(8), rs.getLong(9), rs.getDouble(10)))
                .list());
        List<TraceError> errors = jdbc.sql("""
                        SELECT e.project_id, e.event_id, e.issue_id, e.span_id, e.title, e.timestamp, e.payload
                        FROM events e JOIN projects p ON p.id = e.project_id
                        WHERE e.trace_id = ? AND p.organization_id = ?
                        ORDER BY e.timestamp, e.id""")
                .params(id, organizationId)
                .query((rs, n) -> {
                    FunctionFacts function = FunctionFacts.ofStored(json, rs.getBytes(7));
                    return new TraceError(rs.getLong(1), rs.getString(2),
                            rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), function.function(), function.timeoutWarning());
                })
                .list();
        if (rows.isEmpty() && errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TraceAssembler.assemble(id, rows, errors));
    }
}
