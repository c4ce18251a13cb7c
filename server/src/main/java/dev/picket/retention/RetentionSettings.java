package dev.picket.retention;

import java.util.List;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each project's retention: the server's default days, or the project's own ({@code projects.retention_days}). */
@Component
public class RetentionSettings {

    /** A hundred years: beyond it a number of days is a mistake, not a wish to keep everything. */
    public static final int MAX_DAYS = 36_500;

    private final JdbcClient jdbc;
    private final RetentionProperties properties;

    public RetentionSettings(JdbcClient jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The days {@code projectId}'s data is kept. */
    public int days(long projectId) {
        return projectDays(projectId).orElse(properties.days());
    }

    /**
     * Sets the days {@code projectId}'s data is kept; null returns it to the server's default.
     *
     * @throws IllegalArgumentException when {@code days} is not between 1 and {@link #MAX_DAYS}
     */
    public void setDays(long projectId, Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException("retention days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        jdbc.sql("UPDATE projects SET retention_days = ? WHERE id = ?").param(days).param(projectId).update();
    }

    record ProjectRetention(long projectId, int days) {
    }

    /** Every project with the days its data is kept. */
    List<ProjectRetention> all() {
        return jdbc.sql("SELECT id, retention_days FROM projects ORDER BY id")
                .query((row, n) -> {
                    long projectId = row.getLong(1);
                    int days = row.getInt(2);
                    return new ProjectRetention(projectId, row.wasNull() ? properties.days() : days);
                })
                .list();
    }

    private OptionalInt projectDays(long projectId) {
        return jdbc.sql("SELECT retention_days FROM projects WHERE id = ?").param(projectId)
                .query((row, n) -> {
                    int days = row.getInt(1);
                    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(days);
                })
                .optional().orElse(OptionalInt.empty());
    }
}
