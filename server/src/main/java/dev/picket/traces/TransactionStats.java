package dev.picket.traces;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The performance of a project's transactions by name: counts, failure rate and duration percentiles. */
@Service
public class TransactionStats {

    /** {@link SpanStatus#failed} in SQL. */
    private static final String FAILED = "status IS NOT NULL AND status NOT IN ('ok', 'cancelled', 'unknown', 'unset')";

    private static final String SLOWEST = "ORDER BY duration_ms DESC, id DESC";
    private static final String LATEST = "ORDER BY start_time DESC, id DESC";

    private final JdbcClient jdbc;

    TransactionStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every transaction name that started in {@code [from, to)}, most frequent first. */
    public List<TransactionSummary> summaries(long projectId, Instant from, Instant to) {
        record Row(String name, double duration, String status) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT coalesce(name, '<unnamed>'), duration_ms, status FROM transactions
                        WHERE project_id = ? AND start_time >= ? AND start_time < ?
                        ORDER BY 1, duration_ms""")
                .params(projectId, from.toEpochMilli(), to.toEpochMilli())
                .query((rs, n) -> new Row(rs.getString(1), rs.getDouble(2), rs.getString(3)))
                .list();
        double[] durations = rows.stream().mapToDouble(Row::duration).toArray();
        List<TransactionSummary> summaries = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            String name = rows.get(start).name();
            int end = start;
            long failed = 0;
            while (end < rows.size() && rows.get(end).name().equals(name)) {
                failed += SpanStatus.failed(rows.get(end).status()) ? 1 : 0;
                end++;
            }
            long count = end - start;
            summaries.add(new TransactionSummary(name, count, (double) failed / count,
                    Percentiles.nearestRank(durations, start, end, 50), Percentiles.nearestRank(durations, start, end, 75),
                    Percentiles.nearestRank(durations, start, end, 95), Percentiles.nearestRank(durations, start, end, 99)));
            start = end;
        }
        summaries.sort((a, b) -> Long.compare(b.count(), a.count()));
        return summaries;
    }

    /** The slowest transactions of one name in {@code [from, to)}. */
    public List<TransactionRef> slowest(long projectId, String name, Instant from, Instant to, int limit) {
        return refs(SLOWEST, "name", "", projectId, name, from, to, limit);
    }

    /** The latest failed transactions of one name in {@code [from, to)}. */
    public List<TransactionRef> failing(long projectId, String name, Instant from, Instant to, int limit) {
        return refs(LATEST, "name", " AND " + FAILED, projectId, name, from, to, limit);
    }

    /** The slowest invocations of one serverless function in {@code [from, to)}. */
    public List<TransactionRef> slowestOfFunction(long projectId, String function, Instant from, Instant to,
                                                  int limit) {
        return refs(SLOWEST, "function_name", "", projectId, function, from, to, limit);
    }

    /** The latest failed invocations of one serverless function in {@code [from, to)}. */
    public List<TransactionRef> failingOfFunction(long projectId, String function, Instant from, Instant to,
                                                  int limit) {
        return refs(LATEST, "function_name", " AND " + FAILED, projectId, function, from, to, limit);
    }

    /** @param column {@code name} or {@code function_name}, both indexed with the project and start time */
    private List<TransactionRef> refs(String order, String column, String filter, long projectId, String value,
                                      Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT project_id, event_id, trace_id, name, status, start_time, duration_ms FROM transactions"
                        + " WHERE project_id = ? AND " + column + " = ? AND start_time >= ? AND start_time < ?" + filter
                        + " " + order + " LIMIT ?")
                .params(projectId, value, from.toEpochMilli(), to.toEpochMilli(), limit)
                .query((rs, n) -> new TransactionRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getDouble(7)))
                .list();
    }
}
