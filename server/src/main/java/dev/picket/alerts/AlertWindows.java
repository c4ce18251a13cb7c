package dev.picket.alerts;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per rule and issue, the matching events and their users counted by minute of event time (never
 * later than the minute they were processed in): what "more than N events / users in M minutes" is
 * judged on. Kept in the database so that a restart forgets no window.
 */
@Component
class AlertWindows {

    static final long MINUTE_MILLIS = 60_000L;

    private final JdbcClient jdbc;

    AlertWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addEvents(long ruleId, long issueId, long minute, long events) {
        jdbc.sql("""
                        INSERT INTO alert_window_counts (rule_id, issue_id, minute, events) VALUES (?, ?, ?, ?)
                        ON CONFLICT (rule_id, issue_id, minute) DO UPDATE SET
                            events = alert_window_counts.events + excluded.events""")
                .params(ruleId, issueId, minute, events).update();
    }

    void addUsers(long ruleId, long issueId, long minute, Collection<String> users) {
        for (String user : users) {
            jdbc.sql("""
                            INSERT INTO alert_window_users (rule_id, issue_id, minute, user_key) VALUES (?, ?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(ruleId, issueId, minute, user).update();
        }
    }

    /** Events counted in the {@code minutes} minutes up to and including {@code minute}. */
    long events(long ruleId, long issueId, long minute, int minutes) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(events), 0) FROM alert_window_counts
                        WHERE rule_id = ? AND issue_id = ? AND minute > ? AND minute <= ?""")
                .params(ruleId, issueId, minute - minutes, minute).query(Long.class).single();
    }

    /** Events counted for the rule over all issues in the {@code minutes} minutes up to and including {@code minute}. */
    long allEvents(long ruleId, long minute, int minutes) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(events), 0) FROM alert_window_counts
                        WHERE rule_id = ? AND minute > ? AND minute <= ?""")
                .params(ruleId, minute - minutes, minute).query(Long.class).single();
    }

    /** The issue with the most events counted for the rule in the window. */
    long busiestIssue(long ruleId, long minute, int minutes) {
        return jdbc.sql("""
                        SELECT issue_id FROM alert_window_counts WHERE rule_id = ? AND minute > ? AND minute <= ?
                        GROUP BY issue_id ORDER BY SUM(events) DESC, issue_id LIMIT 1""")
                .params(ruleId, minute - minutes, minute).query(Long.class).single();
    }

    /** Distinct users counted in the {@code minutes} minutes up to and including {@code minute}. */
    long users(long ruleId, long issueId, long minute, int minutes) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT user_key) FROM alert_window_users
                        WHERE rule_id = ? AND issue_id = ? AND minute > ? AND minute <= ?""")
                .params(ruleId, issueId, minute - minutes, minute).query(Long.class).single();
    }

    /** A changed rule counts afresh: its old condition and filters' counts say nothing of the new ones. */
    void forget(long ruleId) {
        jdbc.sql("DELETE FROM alert_window_counts WHERE rule_id = ?").param(ruleId).update();
        jdbc.sql("DELETE FROM alert_window_users WHERE rule_id = ?").param(ruleId).update();
    }

    /** Forgets minutes before {@code minute}: no window reaches back that far. */
    void forgetBefore(long minute) {
        jdbc.sql("DELETE FROM alert_window_counts WHERE minute < ?").param(minute).update();
        jdbc.sql("DELETE FROM alert_window_users WHERE minute < ?").param(minute).update();
    }
}
