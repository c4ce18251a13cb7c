package dev.picket.traces;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The performance and health of a project's serverless functions: invocations and cold starts from
 * its transactions, errors and timeout warnings from its error events.
 */
@Service
public class FunctionStats {

    private static final Comparator<FunctionSummary> BUSIEST_FIRST = Comparator
            .comparingLong(FunctionSummary::invocations).reversed()
            .thenComparing(Comparator.comparingLong(FunctionSummary::errors).reversed())
            .thenComparing(FunctionSummary::function);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FunctionStats(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every function with a transaction or an error event in {@code [from, to)}, busiest first. */
    public List<FunctionSummary> summaries(long projectId, Instant from, Instant to) {
        Map<String, Tally> tallies = new TreeMap<>();
        countInvocations(projectId, from, to, tallies);
        countErrors(projectId, from, to, tallies);
        List<FunctionSummary> summaries = new ArrayList<>();
        tallies.forEach((function, tally) -> summaries.add(tally.summary(function)));
        summaries.sort(BUSIEST_FIRST);
        return summaries;
    }

    private void countInvocations(long projectId, Instant from, Instant to, Map<String, Tally> tallies) {
        jdbc.sql("""
                        SELECT function_name, duration_ms, cold_start FROM transactions
                        WHERE project_id = ? AND function_name IS NOT NULL AND start_time >= ? AND start_time < ?
                        ORDER BY function_name, duration_ms""")
                .params(projectId, from.toEpochMilli(), to.toEpochMilli())
                .query(rs -> {
                    Tally tally = tallies.computeIfAbsent(rs.getString(1), f -> new Tally());
                    tally.durations.add(rs.getDouble(2));
                    tally.coldStarts += rs.getInt(3);
                });
    }

    /**
     * The function and timeout flag of an error event are tags, which live in its payload; only the
     * events of issues that ever had a {@code function} tag are read.
     */
    private void countErrors(long projectId, Instant from, Instant to, Map<String, Tally> tallies) {
        jdbc.sql("""
                        SELECT e.issue_id, e.title, e.timestamp, e.payload FROM events e
                        WHERE e.project_id = ? AND e.timestamp >= ? AND e.timestamp < ?
                          AND EXISTS (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = e.issue_id
                                                                        AND t.key = 'function')
                        ORDER BY e.timestamp, e.id""")
                .params(projectId, from.toEpochMilli(), to.toEpochMilli())
                .query(rs -> {
                    FunctionFacts facts = FunctionFacts.ofStored(json, rs.getBytes(4));
                    if (facts.function() == null) {
                        return;
                    }
                    Tally tally = tallies.computeIfAbsent(facts.function(), f -> new Tally());
                    tally.errors++;
                    tally.timeouts += facts.timeoutWarning() ? 1 : 0;
                    tally.lastError = new FunctionSummary.LastError(rs.getObject(1) == null ? null : rs.getLong(1),
                            rs.getString(2), rs.getLong(3));
                });
    }

    /** One function's counts while the rows are read; durations arrive in ascending order. */
    private static final class Tally {

        private final List<Double> durations = new ArrayList<>();
        private long coldStarts;
        private long errors;
        private long timeouts;
        private FunctionSummary.LastError lastError;

        FunctionSummary summary(String function) {
            long invocations = durations.size();
            if (invocations == 0) {
                return new FunctionSummary(function, 0, errors, null, 0, null, null, null, timeouts, lastError);
            }
            double[] sorted = durations.stream().mapToDouble(Double::doubleValue).toArray();
            return new FunctionSummary(function, invocations, errors, (double) errors / invocations, coldStarts,
                    (double) coldStarts / invocations, Percentiles.nearestRank(sorted, 0, sorted.length, 50),
                    Percentiles.nearestRank(sorted, 0, sorted.length, 95), timeouts, lastError);
        }
    }
}
