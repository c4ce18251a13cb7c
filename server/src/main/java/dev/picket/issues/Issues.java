package dev.picket.issues;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.store.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and their events, as the REST API and the pages show them: lists with Sentry's filters and
 * sorts, status changes, an issue's events, its frequency and its tag values.
 */
@Service
public class Issues {

    static final long HOUR = IssueDelta.HOUR_MILLIS;
    static final long DAY = 24 * HOUR;
    /** How long an issue stays new, regressed or escalating before it is ongoing, as in Sentry. */
    public static final Duration SETTLE_AFTER = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SqlDialect dialect;
    private final Clock clock = Clock.systemUTC();

    Issues(JdbcClient jdbc, TransactionTemplate transaction, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.dialect = dialect;
    }

    public Optional<Issue> find(long issueId) {
        return jdbc.sql("SELECT " + IssueRows.ISSUE_COLUMNS + " FROM issues WHERE id = ?")
                .param(issueId).query(IssueRows::issue).optional();
    }

    /** The issue if it belongs to the project: API paths name both. */
    public Optional<Issue> find(long projectId, long issueId) {
        return find(issueId).filter(issue -> issue.projectId() == projectId);
    }

    public Optional<Issue> findByShortId(long projectId, long shortId) {
        return jdbc.sql("SELECT " + IssueRows.ISSUE_COLUMNS + " FROM issues WHERE project_id = ? AND short_id = ?")
                .param(projectId).param(shortId).query(IssueRows::issue).optional();
    }

    /** The issue an event was grouped into. */
    public Optional<Issue> findByEvent(long projectId, String eventId) {
        return jdbc.sql("SELECT " + IssueRows.ISSUE_COLUMNS + " FROM issues WHERE id ="
                        + " (SELECT issue_id FROM events WHERE project_id = ? AND event_id = ?)")
                .param(projectId).param(eventId).query(IssueRows::issue).optional();
    }

    /**
     * A page of a project's issues.
     *
     * @throws IllegalArgumentException when the query's cursor is not one this method returned
     */
    public IssuePage list(IssueQuery query) {
        String sortColumn = query.sort().column();
        StringBuilder sql = new StringBuilder("SELECT " + IssueRows.ISSUE_COLUMNS + " FROM issues WHERE project_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(query.projectId());
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (")
                    .append(query.statuses().stream().map(s -> "?").collect(Collectors.joining(", "))).append(')');
            query.statuses().stream().map(IssueStatus::column).sorted().forEach(params::add);
        }
        if (!query.substatuses().isEmpty()) {
            sql.append(" AND substatus IN (")
                    .append(query.substatuses().stream().map(s -> "?").collect(Collectors.joining(", "))).append(')');
            query.substatuses().stream().map(IssueSubstatus::column).sorted().forEach(params::add);
        }
        query.tags().forEach((key, values) -> tagFilter(sql, params, "EXISTS", key, values));
        query.excludedTags().forEach((key, values) -> tagFilter(sql, params, "NOT EXISTS", key, values));
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (lower(title) LIKE ? ESCAPE '\\' OR lower(coalesce(culprit, '')) LIKE ? ESCAPE '\\')");
            params.add(pattern);
            params.add(pattern);
        }
        range(sql, params, "first_seen", query.firstSeenFrom(), query.firstSeenTo());
        range(sql, params, "last_seen", query.lastSeenFrom(), query.lastSeenTo());
        if (query.cursor() != null) {
            Cursors after = Cursors.parse(query.cursor());
            sql.append(" AND (").append(sortColumn).append(" < ? OR (").append(sortColumn).append(" = ? AND id < ?))");
            params.add(after.value());
            params.add(after.value());
            params.add(after.id());
        }
        sql.append(" ORDER BY ").append(sortColumn).append(" DESC, id DESC LIMIT ?");
        params.add(query.limit() + 1);
        List<Issue> rows = jdbc.sql(sql.toString()).params(params).query(IssueRows::issue).list();
        if (rows.size() <= query.limit()) {
            return new IssuePage(rows, null);
        }
        List<Issue> page = rows.subList(0, query.limit());
        Issue last = page.getLast();
        return new IssuePage(page, new Cursors(sortValue(last, query.sort()), last.id()).format());
    }

    /**
     * Changes an issue's status. Ignoring "until N more events/users" counts from the issue's
     * numbers now; "resolved in next release" keeps the release it was last seen in.
     *
     * @return the issue as changed, empty when there is no such issue
     */
    public Optional<Issue> setStatus(long issueId, StatusChange change) {
        long now = clock.millis();
        return transaction.execute(status -> {
            // Locked until the update: the processor may be counting events of this issue meanwhile.
            Optional<Issue> issue = jdbc.sql("SELECT " + IssueRows.ISSUE_COLUMNS + " FROM issues WHERE id = ?"
                            + dialect.forUpdate())
                    .param(issueId).query(IssueRows::issue).optional();
            if (issue.isEmpty()) {
                return Optional.<Issue>empty();
            }
            Issue current = issue.get();
            IssueState next = IssueState.after(change, now, current.lastRelease(), current.timesSeen(),
                    current.userCount());
            jdbc.sql("UPDATE issues SET " + IssueStateColumns.ASSIGN + " WHERE id = ?")
                    .params(stateParams(next, issueId)).update();
            return find(issueId);
        });
    }

    /**
     * The changes time makes, as Sentry's periodic tasks do: ignored issues whose "ignore until" time
     * has passed are unresolved (substatus ongoing), and issues new, regressed or escalating for
     * {@link #SETTLE_AFTER} become ongoing. The processor calls it now and then.
     *
     * @return how many issues changed
     */
    public int sweep() {
        long now = clock.millis();
        List<Object> ongoing = stateParams(IssueState.unresolved(IssueSubstatus.ONGOING, now), now);
        int unignored = jdbc.sql("UPDATE issues SET " + IssueStateColumns.ASSIGN
                        + " WHERE status = 'ignored' AND ignore_until IS NOT NULL AND ignore_until <= ?")
                .params(ongoing).update();
        int settled = jdbc.sql("UPDATE issues SET substatus = 'ongoing', status_changed_at = ?"
                        + " WHERE substatus IN ('new', 'regressed', 'escalating') AND status_changed_at <= ?")
                .params(now, now - SETTLE_AFTER.toMillis()).update();
        return unignored + settled;
    }

    /** An issue's events, newest first. */
    public EventPage events(long issueId, String cursor, int limit) {
        if (limit < 1 || limit > IssueQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + IssueQuery.MAX_LIMIT + ", was " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT " + IssueRows.EVENT_COLUMNS + ", id FROM events WHERE issue_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(issueId);
        if (cursor != null) {
            Cursors after = Cursors.parse(cursor);
            sql.append(" AND (timestamp < ? OR (timestamp = ? AND id < ?))");
            params.add(after.value());
            params.add(after.value());
            params.add(after.id());
        }
        sql.append(" ORDER BY timestamp DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        List<Map.Entry<Long, EventSummary>> rows = jdbc.sql(sql.toString()).params(params)
                .query((row, n) -> Map.entry(row.getLong("id"), IssueRows.event(row, n))).list();
        List<EventSummary> events = rows.stream().limit(limit).map(Map.Entry::getValue).toList();
        if (rows.size() <= limit) {
            return new EventPage(events, null);
        }
        Map.Entry<Long, EventSummary> last = rows.get(limit - 1);
        return new EventPage(events, new Cursors(last.getValue().timestamp().toEpochMilli(), last.getKey()).format());
    }

    public Optional<StoredEvent> latestEvent(long issueId) {
        return oneEvent(issueId, "timestamp DESC, id DESC");
    }

    public Optional<StoredEvent> oldestEvent(long issueId) {
        return oneEvent(issueId, "timestamp ASC, id ASC");
    }

    /**
     * The event to show first: the one with the most context, newest among equals. An event scores
     * 4 for a stack trace, 2 for a user and 1 for a trace id, so a recent event with a stack trace
     * and a user wins over a newer bare message (Sentry's "recommended" event weighs similar signals).
     */
    public Optional<StoredEvent> recommendedEvent(long issueId) {
        return oneEvent(issueId, "context_score DESC, timestamp DESC, id DESC");
    }

    /** An error event of a project with its payload. */
    public Optional<StoredEvent> event(long projectId, String eventId) {
        return jdbc.sql("SELECT " + IssueRows.EVENT_COLUMNS + ", payload FROM events WHERE project_id = ? AND event_id = ?")
                .param(projectId).param(eventId).query(Issues::storedEvent).optional();
    }

    /** Events per hour over the last 24 hours, oldest first, the current hour last; hours without events count 0. */
    public List<CountBucket> hourlyCounts(long issueId) {
        long currentHour = Math.floorDiv(clock.millis(), HOUR) * HOUR;
        return buckets(issueId, currentHour - 23 * HOUR, HOUR, 24);
    }

    /**
     * {@link #hourlyCounts(long)} of several issues in one query, for lists that draw a chart per
     * row; every issue asked for is in the map.
     */
    public Map<Long, List<CountBucket>> hourlyCounts(Collection<Long> issueIds) {
        long start = Math.floorDiv(clock.millis(), HOUR) * HOUR - 23 * HOUR;
        Map<Long, long[]> counts = new LinkedHashMap<>();
        issueIds.forEach(id -> counts.put(id, new long[24]));
        if (!issueIds.isEmpty()) {
            jdbc.sql("SELECT issue_id, hour, count FROM issue_hourly_counts WHERE hour >= ? AND hour < ? AND issue_id IN ("
                            + issueIds.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")")
                    .param(start).param(start + 24 * HOUR).params(List.copyOf(issueIds).toArray())
                    .query((RowCallbackHandler) row ->
                            counts.get(row.getLong(1))[(int) ((row.getLong(2) - start) / HOUR)] += row.getLong(3));
        }
        Map<Long, List<CountBucket>> result = new LinkedHashMap<>();
        counts.forEach((id, hours) -> {
            List<CountBucket> buckets = new ArrayList<>(hours.length);
            for (int i = 0; i < hours.length; i++) {
                buckets.add(new CountBucket(Instant.ofEpochMilli(start + i * HOUR), hours[i]));
            }
            result.put(id, buckets);
        });
        return result;
    }

    /** The values a tag has across a project's issues, most frequent first: the choices of a filter. */
    public List<String> projectTagValues(long projectId, String key, int limit) {
        return jdbc.sql("""
                        SELECT t.value FROM issue_tag_values t JOIN issues i ON i.id = t.issue_id
                        WHERE i.project_id = ? AND t.key = ? GROUP BY t.value ORDER BY sum(t.times_seen) DESC, t.value
                        LIMIT ?""")
                .param(projectId).param(key).param(limit).query(String.class).list();
    }

    /** Events per day (UTC) over the last 30 days, oldest first, today last. */
    public List<CountBucket> dailyCounts(long issueId) {
        long today = Math.floorDiv(clock.millis(), DAY) * DAY;
        return buckets(issueId, today - 29 * DAY, DAY, 30);
    }

    /** The tag keys of an issue's events, by key, each with its {@code topValues} most frequent values. */
    public List<TagSummary> tags(long issueId, int topValues) {
        record KeyTotals(String key, long total, long distinct) {
        }
        List<KeyTotals> keys = jdbc.sql("""
                        SELECT key, sum(times_seen), count(*) FROM issue_tag_values WHERE issue_id = ?
                        GROUP BY key ORDER BY key""")
                .param(issueId).query((row, n) -> new KeyTotals(row.getString(1), row.getLong(2), row.getLong(3))).list();
        List<TagSummary> tags = new ArrayList<>(keys.size());
        for (KeyTotals key : keys) {
            tags.add(new TagSummary(key.key(), key.total(), key.distinct(), tagValues(issueId, key.key(), topValues)));
        }
        return tags;
    }

    /** The values of one tag of an issue, most frequent first. */
    public List<TagValueCount> tagValues(long issueId, String key, int limit) {
        return jdbc.sql("""
                        SELECT value, times_seen, first_seen, last_seen FROM issue_tag_values
                        WHERE issue_id = ? AND key = ? ORDER BY times_seen DESC, value LIMIT ?""")
                .param(issueId).param(key).param(limit)
                .query((row, n) -> new TagValueCount(row.getString(1), row.getLong(2),
                        Instant.ofEpochMilli(row.getLong(3)), Instant.ofEpochMilli(row.getLong(4))))
                .list();
    }

    /** What users wrote about an issue's events, newest first. */
    public List<UserReport> userReports(long issueId) {
        return jdbc.sql("""
                        SELECT source, event_id, name, email, comments, url, received_at FROM user_reports
                        WHERE issue_id = ? ORDER BY received_at DESC, id DESC""")
                .param(issueId)
                .query((row, n) -> new UserReport(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), Instant.ofEpochMilli(row.getLong(7))))
                .list();
    }

    private Optional<StoredEvent> oneEvent(long issueId, String order) {
        return jdbc.sql("SELECT " + IssueRows.EVENT_COLUMNS + ", payload FROM events WHERE issue_id = ? ORDER BY "
                        + order + " LIMIT 1")
                .param(issueId).query(Issues::storedEvent).optional();
    }

    private static StoredEvent storedEvent(ResultSet row, int n) throws SQLException {
        return new StoredEvent(IssueRows.event(row, n), CompressedPayloads.decompress(row.getBytes("payload")));
    }

    private List<CountBucket> buckets(long issueId, long start, long width, int count) {
        Map<Long, Long> sums = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            sums.put(start + i * width, 0L);
        }
        jdbc.sql("SELECT hour, count FROM issue_hourly_counts WHERE issue_id = ? AND hour >= ? AND hour < ?")
                .param(issueId).param(start).param(start + count * width)
                .query((row, n) -> Map.entry(row.getLong(1), row.getLong(2))).list()
                .forEach(hour -> sums.merge(start + Math.floorDiv(hour.getKey() - start, width) * width,
                        hour.getValue(), Long::sum));
        return sums.entrySet().stream().map(e -> new CountBucket(Instant.ofEpochMilli(e.getKey()), e.getValue())).toList();
    }

    /** {@code EXISTS} or {@code NOT EXISTS} an event of the issue with one of {@code values} as its {@code key} tag. */
    private static void tagFilter(StringBuilder sql, List<Object> params, String exists, String key,
                                  List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(exists)
                .append(" (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = issues.id AND t.key = ? AND t.value IN (")
                .append(values.stream().map(v -> "?").collect(Collectors.joining(", "))).append("))");
        params.add(key);
        params.addAll(values);
    }

    private static void range(StringBuilder sql, List<Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            params.add(from.toEpochMilli());
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < ?");
            params.add(to.toEpochMilli());
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static long sortValue(Issue issue, IssueSort sort) {
        return switch (sort) {
            case DATE -> issue.lastSeen().toEpochMilli();
            case NEW -> issue.firstSeen().toEpochMilli();
            case FREQ -> issue.timesSeen();
            case USER -> issue.userCount();
        };
    }

    private static List<Object> stateParams(IssueState state, long last) {
        List<Object> params = new ArrayList<>(IssueStateColumns.COUNT + 1);
        params.add(state.status().column());
        params.add(state.substatus() == null ? null : state.substatus().column());
        params.add(state.changedAt());
        params.add(state.resolvedAt());
        params.add(state.resolvedInNextRelease() ? 1 : 0);
        params.add(state.resolvedInRelease());
        params.add(state.ignoreUntil());
        params.add(state.ignoreCount());
        params.add(state.ignoreCountBase());
        params.add(state.ignoreUserCount());
        params.add(state.ignoreUserCountBase());
        params.add(last);
        return params;
    }
}
