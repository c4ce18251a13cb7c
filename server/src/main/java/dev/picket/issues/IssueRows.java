package dev.picket.issues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Maps rows of {@code issues} and {@code events} to records. */
final class IssueRows {

    static final String ISSUE_COLUMNS = "id, project_id, short_id, type, title, culprit, level, platform, metadata,"
            + " first_seen, last_seen, times_seen, user_count, first_release, last_release, "
            + IssueStateColumns.SELECT;

    static final String EVENT_COLUMNS = "project_id, event_id, issue_id, type, timestamp, received_at, level,"
            + " platform, release, environment, transaction_name, user_key, trace_id, span_id, title, message";

    private IssueRows() {
    }

    static Issue issue(ResultSet row, int rowNum) throws SQLException {
        IssueState state = IssueStateColumns.read(row);
        return new Issue(row.getLong("id"), row.getLong("project_id"), row.getLong("short_id"), row.getString("type"),
                row.getString("title"), row.getString("culprit"), row.getString("level"), row.getString("platform"),
                IssueJson.metadata(row.getString("metadata")), state.status(), state.substatus(),
                Instant.ofEpochMilli(state.changedAt()),
                Instant.ofEpochMilli(row.getLong("first_seen")), Instant.ofEpochMilli(row.getLong("last_seen")),
                row.getLong("times_seen"), row.getLong("user_count"), row.getString("first_release"),
                row.getString("last_release"), state.resolvedAt() == null ? null : Instant.ofEpochMilli(state.resolvedAt()),
                state.resolvedInNextRelease(), state.resolvedInRelease(), state.ignoreRule());
    }

    static EventSummary event(ResultSet row, int rowNum) throws SQLException {
        return new EventSummary(row.getLong("project_id"), row.getString("event_id"), row.getLong("issue_id"),
                row.getString("type"), Instant.ofEpochMilli(row.getLong("timestamp")),
                Instant.ofEpochMilli(row.getLong("received_at")), row.getString("level"), row.getString("platform"),
                row.getString("release"), row.getString("environment"), row.getString("transaction_name"),
                row.getString("user_key"), row.getString("trace_id"), row.getString("span_id"),
                row.getString("title"), row.getString("message"));
    }
}
