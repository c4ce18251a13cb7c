package dev.picket.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What fired and what was sent: the {@code alert_history} and {@code alert_deliveries} tables. */
@Component
public class AlertHistory {

    private final JdbcClient jdbc;

    AlertHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivery of a fired alert, with its attempts so far. */
    public record DeliveryRecord(long id, String type, String target, String payload, String status, int attempts,
                                 String lastError, Instant updatedAt) {
    }

    /** An alert that fired, with its deliveries. */
    public record Fired(long id, long ruleId, String ruleName, long issueId, Instant firedAt, String reason,
                        List<DeliveryRecord> deliveries) {
    }

    /** Whether the rule fired for the issue at or after {@code since} (epoch milliseconds). */
    boolean firedSince(long ruleId, long issueId, long since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert_history WHERE rule_id = ? AND issue_id = ? AND fired_at >= ?)")
                .params(ruleId, issueId, since).query(Boolean.class).single();
    }

    /** Whether the rule fired for any issue at or after {@code since} (epoch milliseconds). */
    boolean firedSince(long ruleId, long since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert_history WHERE rule_id = ? AND fired_at >= ?)")
                .params(ruleId, since).query(Boolean.class).single();
    }

    /** Records a firing; empty when this rule already fired for this issue and occasion. */
    OptionalLong fire(AlertRule rule, long issueId, String dedupeKey, long firedAt, String reason) {
        return jdbc.sql("""
                        INSERT INTO alert_history (rule_id, project_id, issue_id, dedupe_key, fired_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (rule_id, issue_id, dedupe_key) DO NOTHING RETURNING id""")
                .params(rule.id(), rule.projectId(), issueId, dedupeKey, firedAt, reason)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Records a delivery to make, claimed by the instance that makes it. */
    long addDelivery(long historyId, AlertAction action, String subject, String payload, long now,
                     DeliveryClaims.Claim claim) {
        return jdbc.sql("""
                        INSERT INTO alert_deliveries (history_id, type, target, subject, payload, status, attempts,
                                                      updated_at, claimed_by, claimed_until)
                        VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) RETURNING id""")
                .params(historyId, action.type(), action.target(), subject, payload, now, claim.instance(),
                        claim.until())
                .query(Long.class).single();
    }

    /** A delivery not finished yet, and the attempts it had. */
    record Unfinished(Delivery delivery, int attempts) {
    }

    /**
     * The deliveries still pending that no instance holds at {@code now}: those a stopped or dead
     * instance left (and those from before claims were recorded), oldest first.
     */
    List<Unfinished> unclaimed(long now) {
        return jdbc.sql("""
                        SELECT d.id, d.type, d.target, d.subject, d.payload, d.attempts, r.secret
                        FROM alert_deliveries d JOIN alert_history h ON h.id = d.history_id
                                                JOIN alert_rules r ON r.id = h.rule_id
                        WHERE d.status = 'pending' AND (d.claimed_until IS NULL OR d.claimed_until < ?)
                        ORDER BY d.id""")
                .param(now)
                .query((row, i) -> new Unfinished(new Delivery(row.getLong("id"),
                        action(row.getString("type"), row.getString("target")), row.getString("secret"),
                        row.getString("subject"), row.getString("payload")), row.getInt("attempts")))
                .list();
    }

    private static AlertAction action(String type, String target) {
        return switch (type) {
            case "email" -> new AlertAction.Email(List.of(target.split(", ")));
            case "webhook" -> new AlertAction.Webhook(target);
            case "slack" -> new AlertAction.Slack(target);
            default -> throw new IllegalStateException("unknown delivery type " + type);
        };
    }

    /**
     * Records an attempt by the claim's instance; a success keeps the error of the attempt before it,
     * so the history shows the retries.
     *
     * @param claim what the instance holds on: until the next attempt for a pending delivery; its
     *              {@code until} is dropped once the delivery is sent or failed
     */
    void attempted(long deliveryId, int attempts, String status, String error, long now, DeliveryClaims.Claim claim) {
        jdbc.sql("""
                        UPDATE alert_deliveries SET status = ?, attempts = ?, last_error = COALESCE(?, last_error),
                                                    updated_at = ?, claimed_until = ?
                        WHERE id = ? AND claimed_by = ?""")
                .params(status, attempts, error, now, "pending".equals(status) ? claim.until() : null, deliveryId,
                        claim.instance())
                .update();
    }

    /** The project's latest firings, newest first. */
    public List<Fired> list(long projectId, int limit) {
        List<Fired> fired = jdbc.sql("""
                        SELECT h.id, h.rule_id, r.name, h.issue_id, h.fired_at, h.reason
                        FROM alert_history h JOIN alert_rules r ON r.id = h.rule_id
                        WHERE h.project_id = ? ORDER BY h.fired_at DESC, h.id DESC LIMIT ?""")
                .params(projectId, limit)
                .query((row, i) -> new Fired(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4),
                        Instant.ofEpochMilli(row.getLong(5)), row.getString(6), List.of()))
                .list();
        if (fired.isEmpty()) {
            return fired;
        }
        Map<Long, List<DeliveryRecord>> deliveries = jdbc.sql("""
                        SELECT d.history_id, d.id, d.type, d.target, d.payload, d.status, d.attempts, d.last_error,
                               d.updated_at
                        FROM alert_deliveries d JOIN alert_history h ON h.id = d.history_id
                        WHERE h.project_id = ? AND h.id >= ? ORDER BY d.id""")
                .params(projectId, fired.stream().mapToLong(Fired::id).min().orElseThrow())
                .query((row, i) -> Map.entry(row.getLong(1), new DeliveryRecord(row.getLong(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getInt(7), row.getString(8),
                        Instant.ofEpochMilli(row.getLong(9)))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return fired.stream().map(f -> new Fired(f.id(), f.ruleId(), f.ruleName(), f.issueId(), f.firedAt(),
                f.reason(), deliveries.getOrDefault(f.id(), List.of()))).toList();
    }
}
