package dev.picket.pipeline;

import static dev.picket.pipeline.Statements.bind;

import dev.picket.issues.IssueBatchWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes one batch's prepared items within its transaction. An event, transaction, span or report
 * already stored (a replay) is left as it is, and only a newly stored event counts for its issue.
 */
final class BatchWriter implements AutoCloseable {

    private static final String EVENT_EXISTS = "SELECT 1 FROM events WHERE project_id = ? AND event_id = ?";
    private static final String INSERT_EVENT = """
            INSERT INTO events (project_id, event_id, issue_id, type, timestamp, received_at, level, platform, release,
                                environment, transaction_name, user_key, trace_id, span_id, title, message,
                                context_score, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, event_id) DO NOTHING""";
    private static final String LINK_REPORTS = """
            UPDATE user_reports SET issue_id = ? WHERE project_id = ? AND event_id = ? AND issue_id IS NULL""";
    private static final String INSERT_TRANSACTION = """
            INSERT INTO transactions (project_id, event_id, trace_id, span_id, parent_span_id, name, op, status,
                                      start_time, end_time, duration_ms, release, environment, function_name,
                                      cold_start, received_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, event_id) DO NOTHING""";
    private static final String INSERT_SPAN = """
            INSERT INTO spans (project_id, trace_id, span_id, parent_span_id, segment_id, transaction_event_id,
                               is_segment, name, op, description, status, start_time, end_time, duration_ms, release,
                               environment, received_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, trace_id, span_id) DO NOTHING""";
    private static final String INSERT_SESSION = """
            INSERT INTO sessions (project_id, kind, session_id, distinct_id, status, init, errors, started, timestamp,
                                  duration_ms, exited, errored, crashed, abnormal, release, environment, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // A check-in is sent when a job starts and again, with the same id, when it ends.
    private static final String UPSERT_CHECK_IN = """
            INSERT INTO check_ins (project_id, check_in_id, monitor_slug, status, duration_ms, environment, release,
                                   received_at, updated_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, check_in_id) DO UPDATE SET status = excluded.status,
                duration_ms = excluded.duration_ms, updated_at = excluded.updated_at, payload = excluded.payload""";
    private static final String ISSUE_OF_EVENT = "SELECT issue_id FROM events WHERE project_id = ? AND event_id = ?";
    private static final String INSERT_REPORT = """
            INSERT INTO user_reports (project_id, source, report_id, event_id, issue_id, name, email, comments, url,
                                      received_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, source, report_id) DO NOTHING""";
    private static final String INSERT_ATTACHMENT = """
            INSERT INTO attachments (project_id, event_id, filename, content_type, attachment_type, size, received_at,
                                     data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Statements statements;
    private final IssueBatchWriter issues;
    private final List<ProcessedBatch.StoredError> storedErrors = new ArrayList<>();

    BatchWriter(Connection transaction, long now) throws SQLException {
        this.statements = new Statements(transaction);
        this.issues = new IssueBatchWriter(transaction, now);
    }

    void write(PreparedItem item) throws SQLException {
        switch (item) {
            case PreparedItem.Event event -> event(event);
            case PreparedItem.Transaction transaction -> transaction(transaction);
            case PreparedItem.Span span -> span(span);
            case PreparedItem.Session session -> session(session);
            case PreparedItem.CheckIn checkIn -> checkIn(checkIn);
            case PreparedItem.UserReport report -> report(report);
            case PreparedItem.Attachment attachment -> attachment(attachment);
        }
    }

    /** Writes the issues' counts gathered from the batch's events; call once, after the last item. */
    void finish() throws SQLException {
        issues.flush();
    }

    /** Error events newly stored by this batch (replays not counted). */
    List<ProcessedBatch.StoredError> storedErrors() {
        return storedErrors;
    }

    @Override
    public void close() throws SQLException {
        try (statements) {
            issues.close();
        }
    }

    private void event(PreparedItem.Event event) throws SQLException {
        OptionalLong found = issues.find(event.projectId(), event.issue().hashes());
        long issueId;
        boolean created = false;
        if (found.isPresent()) {
            issueId = found.getAsLong();
        } else if (exists(event)) {
            // A replay whose grouping changed since: it stays in the issue it was counted for.
            return;
        } else {
            IssueBatchWriter.IssueOfEvent issue = issues.create(event.issue());
            issueId = issue.id();
            created = issue.created();
        }
        var occurrence = event.occurrence();
        PreparedStatement insert = statements.get(INSERT_EVENT);
        bind(insert, event.projectId(), event.eventId(), issueId, event.type(), occurrence.timestamp(),
                event.receivedAt(), occurrence.level(), event.platform(), occurrence.release(), event.environment(),
                event.transaction(), occurrence.userKey(), event.traceId(), event.spanId(), occurrence.title(),
                event.message(), event.contextScore(), event.payload());
        if (insert.executeUpdate() == 0) {
            return;
        }
        storedErrors.add(new ProcessedBatch.StoredError(event.projectId(), issueId, created, occurrence));
        issues.record(issueId, occurrence);
        PreparedStatement link = statements.get(LINK_REPORTS);
        bind(link, issueId, event.projectId(), event.eventId());
        link.executeUpdate();
    }

    private boolean exists(PreparedItem.Event event) throws SQLException {
        PreparedStatement query = statements.get(EVENT_EXISTS);
        bind(query, event.projectId(), event.eventId());
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    private void transaction(PreparedItem.Transaction t) throws SQLException {
        PreparedStatement insert = statements.get(INSERT_TRANSACTION);
        bind(insert, t.projectId(), t.eventId(), t.traceId(), t.spanId(), t.parentSpanId(), t.name(), t.op(),
                t.status(), t.start(), t.end(), (double) (t.end() - t.start()), t.release(), t.environment(),
                t.function(), t.coldStart(), t.receivedAt(), t.payload());
        insert.executeUpdate();
    }

    private void span(PreparedItem.Span s) throws SQLException {
        PreparedStatement insert = statements.get(INSERT_SPAN);
        bind(insert, s.projectId(), s.traceId(), s.spanId(), s.parentSpanId(), s.segmentId(), s.transactionEventId(),
                s.segment(), s.name(), s.op(), s.description(), s.status(), s.start(), s.end(),
                (double) (s.end() - s.start()), s.release(), s.environment(), s.receivedAt(), s.payload());
        insert.executeUpdate();
    }

    private void session(PreparedItem.Session s) throws SQLException {
        PreparedStatement insert = statements.get(INSERT_SESSION);
        bind(insert, s.projectId(), s.aggregate() ? "aggregate" : "session", s.sessionId(), s.distinctId(), s.status(),
                s.init(), s.errors(), s.started(), s.timestamp(), s.durationMs(), s.exited(), s.errored(),
                s.crashed(), s.abnormal(), s.release(), s.environment(), s.receivedAt());
        insert.executeUpdate();
    }

    private void checkIn(PreparedItem.CheckIn c) throws SQLException {
        PreparedStatement upsert = statements.get(UPSERT_CHECK_IN);
        bind(upsert, c.projectId(), c.checkInId(), c.monitorSlug(), c.status(), c.durationMs(), c.environment(),
                c.release(), c.receivedAt(), c.receivedAt(), c.payload());
        upsert.executeUpdate();
    }

    private void report(PreparedItem.UserReport r) throws SQLException {
        Long issueId = null;
        if (r.eventId() != null) {
            PreparedStatement query = statements.get(ISSUE_OF_EVENT);
            bind(query, r.projectId(), r.eventId());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    issueId = row.getLong(1);
                    issueId = row.wasNull() ? null : issueId;
                }
            }
        }
        PreparedStatement insert = statements.get(INSERT_REPORT);
        bind(insert, r.projectId(), r.source(), r.reportId(), r.eventId(), issueId, r.name(), r.email(),
                r.comments(), r.url(), r.receivedAt(), r.payload());
        insert.executeUpdate();
    }

    private void attachment(PreparedItem.Attachment a) throws SQLException {
        PreparedStatement insert = statements.get(INSERT_ATTACHMENT);
        bind(insert, a.projectId(), a.eventId(), a.filename(), a.contentType(), a.attachmentType(), a.size(),
                a.receivedAt(), a.data());
        insert.executeUpdate();
    }
}
