package dev.picket.alerts;

import java.util.OptionalDouble;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A project's recent hourly event rate, from the issues' hourly counts: the events of the last
 * {@link #DAYS} days before the current hour, per hour since the first of them (quiet hours count
 * as the zeros they are). Too short a history gives no baseline.
 */
@Component
class ProjectBaseline {

    static final int DAYS = 7;
    static final long MIN_HOURS = 24;
    private static final long HOUR_MILLIS = 3_600_000L;

    private final JdbcClient jdbc;

    ProjectBaseline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events per hour; empty when the project has fewer than {@link #MIN_HOURS} hours of history. */
    OptionalDouble eventsPerHour(long projectId, long now) {
        long currentHour = Math.floorDiv(now, HOUR_MILLIS) * HOUR_MILLIS;
        long from = currentHour - DAYS * 24 * HOUR_MILLIS;
        return jdbc.sql("""
                        SELECT MIN(h.hour), COALESCE(SUM(h.count), 0)
                        FROM issue_hourly_counts h JOIN issues i ON i.id = h.issue_id
                        WHERE i.project_id = ? AND h.hour >= ? AND h.hour < ?""")
                .params(projectId, from, currentHour)
                .query((row, i) -> {
                    long first = row.getLong(1);
                    if (row.wasNull()) {
                        return OptionalDouble.empty();
                    }
                    long hours = (currentHour - first) / HOUR_MILLIS;
                    return hours < MIN_HOURS ? OptionalDouble.empty() : OptionalDouble.of(row.getLong(2) / (double) hours);
                })
                .single();
    }
}
