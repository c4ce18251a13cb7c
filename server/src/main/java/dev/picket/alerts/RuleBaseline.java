package dev.picket.alerts;

import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hourly baseline of a spike rule with filters: only its matching events count, so it cannot
 * be read from the project's hourly counts ({@link ProjectBaseline}) and is counted here, by hour
 * of event time, from the rule's creation (or last change) on. Like the project's, it is the
 * events of the last {@link ProjectBaseline#DAYS} days before the current hour, per hour since the
 * first of them, and needs {@link ProjectBaseline#MIN_HOURS} hours of history: a new filtered
 * spike rule fires only after a day of watching.
 */
@Component
class RuleBaseline {

    static final long HOUR_MILLIS = 3_600_000L;

    private final JdbcClient jdbc;

    RuleBaseline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param eventsByHour matching events by the epoch millisecond their hour starts at */
    void add(long ruleId, Map<Long, Long> eventsByHour) {
        eventsByHour.forEach((hour, events) -> jdbc.sql("""
                        INSERT INTO alert_rule_hourly_counts (rule_id, hour, events) VALUES (?, ?, ?)
                        ON CONFLICT (rule_id, hour) DO UPDATE SET
                            events = alert_rule_hourly_counts.events + excluded.events""")
                .params(ruleId, hour, events).update());
    }

    /** Matching events per hour; empty with fewer than {@link ProjectBaseline#MIN_HOURS} hours of history. */
    OptionalDouble eventsPerHour(long ruleId, long now) {
        long currentHour = Math.floorDiv(now, HOUR_MILLIS) * HOUR_MILLIS;
        return jdbc.sql("""
                        SELECT MIN(hour), COALESCE(SUM(events), 0) FROM alert_rule_hourly_counts
                        WHERE rule_id = ? AND hour >= ? AND hour < ?""")
                .params(ruleId, oldestHour(now), currentHour)
                .query((row, i) -> {
                    long first = row.getLong(1);
                    if (row.wasNull()) {
                        return OptionalDouble.empty();
                    }
                    long hours = (currentHour - first) / HOUR_MILLIS;
                    return hours < ProjectBaseline.MIN_HOURS ? OptionalDouble.empty()
                            : OptionalDouble.of(row.getLong(2) / (double) hours);
                })
                .single();
    }

    /** The start of the oldest hour a baseline at {@code now} reads; events before it are not counted. */
    static long oldestHour(long now) {
        return (Math.floorDiv(now, HOUR_MILLIS) - ProjectBaseline.DAYS * 24L) * HOUR_MILLIS;
    }

    void forgetBefore(long hour) {
        jdbc.sql("DELETE FROM alert_rule_hourly_counts WHERE hour < ?").param(hour).update();
    }

    /** A changed rule counts afresh: its old filters' counts say nothing of the new ones. */
    void forget(long ruleId) {
        jdbc.sql("DELETE FROM alert_rule_hourly_counts WHERE rule_id = ?").param(ruleId).update();
    }
}
