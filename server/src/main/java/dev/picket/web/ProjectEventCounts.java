package dev.picket.web;

import dev.picket.issues.CountBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many error events and unresolved issues each project of an organization has, and its events
 * per hour over the last day, for the projects page.
 */
@Repository
class ProjectEventCounts {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int HOURS = 24;

    record Counts(long events, long unresolvedIssues) {
    }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ProjectEventCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Project id → counts, for the projects of the organization that have issues. */
    Map<Long, Counts> forOrganization(long organizationId) {
        // The issues' own counters are kept exact per event, so summing them avoids scanning events.
        return jdbc.sql("""
                        SELECT i.project_id, sum(i.times_seen),
                               sum(CASE WHEN i.status = 'unresolved' THEN 1 ELSE 0 END) FROM issues i
                        JOIN projects p ON p.id = i.project_id WHERE p.organization_id = ? GROUP BY i.project_id""")
                .param(organizationId)
                .query((row, n) -> Map.entry(row.getLong(1), new Counts(row.getLong(2), row.getLong(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Project id → events per hour over the last 24 hours, oldest first, as the issue page counts
     * them; for the projects of the organization that had events then.
     */
    Map<Long, List<CountBucket>> hourlyForOrganization(long organizationId) {
        long start = Math.floorDiv(clock.millis(), HOUR) * HOUR - (HOURS - 1) * HOUR;
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT i.project_id, h.hour, sum(h.count) FROM issue_hourly_counts h
                        JOIN issues i ON i.id = h.issue_id JOIN projects p ON p.id = i.project_id
                        WHERE p.organization_id = ? AND h.hour >= ? AND h.hour < ? GROUP BY i.project_id, h.hour""")
                .param(organizationId).param(start).param(start + HOURS * HOUR)
                .query((RowCallbackHandler) row -> counts.computeIfAbsent(row.getLong(1), id -> new long[HOURS])
                        [(int) ((row.getLong(2) - start) / HOUR)] += row.getLong(3));
        Map<Long, List<CountBucket>> result = new HashMap<>();
        counts.forEach((project, hours) -> result.put(project, buckets(start, hours)));
        return result;
    }

    /** A last day without events. */
    List<CountBucket> emptyDay() {
        return buckets(Math.floorDiv(clock.millis(), HOUR) * HOUR - (HOURS - 1) * HOUR, new long[HOURS]);
    }

    private static List<CountBucket> buckets(long start, long[] hours) {
        List<CountBucket> buckets = new ArrayList<>(hours.length);
        for (int i = 0; i < hours.length; i++) {
            buckets.add(new CountBucket(Instant.ofEpochMilli(start + i * HOUR), hours[i]));
        }
        return buckets;
    }
}
