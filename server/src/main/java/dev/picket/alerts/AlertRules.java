package dev.picket.alerts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The alert rules of projects, in the {@code alert_rules} table. */
@Component
public class AlertRules {

    private static final String COLUMNS = """
            id, project_id, name, condition, threshold, window_minutes, filters, actions, throttle_minutes, secret,
            created_at""";

    private final JdbcClient jdbc;
    private final AlertRuleJson json;
    private final SecureRandom random = new SecureRandom();

    private final AlertWindows windows;
    private final RuleBaseline baseline;
    private final TransactionTemplate transaction;

    AlertRules(JdbcClient jdbc, AlertRuleJson json, AlertWindows windows, RuleBaseline baseline,
               TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.windows = windows;
        this.baseline = baseline;
    }

    /** Creates a rule with a new random webhook secret. */
    public AlertRule create(long projectId, AlertRuleDraft draft) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        long id = jdbc.sql("""
                        INSERT INTO alert_rules (project_id, name, condition, threshold, window_minutes, filters, actions,
                                                 throttle_minutes, secret, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(projectId, draft.name(), draft.condition().id(), draft.threshold(), draft.windowMinutes(),
                        json.storeFilters(draft.filters()), json.storeActions(draft.actions()),
                        draft.throttleMinutes(), HexFormat.of().formatHex(secret), Clock.systemUTC().millis())
                .query(Long.class).single();
        return find(projectId, id).orElseThrow();
    }

    /**
     * Replaces what a rule says; its id, secret, creation time and history stay, while its windows
     * and baseline count afresh.
     */
    public Optional<AlertRule> replace(long projectId, long id, AlertRuleDraft draft) {
        return transaction.execute(status -> replaceInTransaction(projectId, id, draft));
    }

    private Optional<AlertRule> replaceInTransaction(long projectId, long id, AlertRuleDraft draft) {
        int updated = jdbc.sql("""
                        UPDATE alert_rules SET name = ?, condition = ?, threshold = ?, window_minutes = ?, filters = ?,
                                               actions = ?, throttle_minutes = ?
                        WHERE project_id = ? AND id = ?""")
                .params(draft.name(), draft.condition().id(), draft.threshold(), draft.windowMinutes(),
                        json.storeFilters(draft.filters()), json.storeActions(draft.actions()),
                        draft.throttleMinutes(), projectId, id)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        windows.forget(id);
        baseline.forget(id);
        return find(projectId, id);
    }

    public boolean delete(long projectId, long id) {
        return jdbc.sql("DELETE FROM alert_rules WHERE project_id = ? AND id = ?").params(projectId, id).update() == 1;
    }

    public Optional<AlertRule> find(long projectId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE project_id = ? AND id = ?")
                .params(projectId, id).query(this::row).optional();
    }

    public List<AlertRule> list(long projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE project_id = ? ORDER BY id")
                .params(projectId).query(this::row).list();
    }

    private AlertRule row(ResultSet row, int index) throws SQLException {
        return new AlertRule(row.getLong("id"), row.getLong("project_id"), row.getString("name"),
                AlertCondition.of(row.getString("condition")).orElseThrow(),
                nullableInt(row, "threshold"), nullableInt(row, "window_minutes"),
                json.loadFilters(row.getString("filters")), json.loadActions(row.getString("actions")),
                row.getInt("throttle_minutes"), row.getString("secret"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
