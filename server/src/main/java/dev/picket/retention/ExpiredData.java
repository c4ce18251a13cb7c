package dev.picket.retention;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes stored data older than its project's retention, by the time Picket received it, and
 * processed inbox rows older than {@link RetentionProperties#processedInbox()}. Each statement
 * deletes at most {@link RetentionProperties#batchSize()} rows in a transaction of its own, with a
 * {@link RetentionProperties#pause()} after each full one, so ingestion and processing (SQLite's one
 * writer among them) wait for one short delete at most. Issues stay, with their counts, when their
 * events are gone, as in Sentry.
 */
@Component
public class ExpiredData {

    /** The tables of data received for a project; each has an index on (project_id, received_at). */
    private static final List<String> RECEIVED_TABLES = List.of("events", "transactions", "spans", "sessions",
            "check_ins", "user_reports", "attachments");
    // Rows set aside with an error keep their payload for a look into them, as long as events are kept.
    private static final String FAILED_INBOX_ROWS = """
            DELETE FROM inbox WHERE id IN (SELECT id FROM inbox
                WHERE error IS NOT NULL AND project_id = ? AND received_at < ? LIMIT ?)""";
    private static final String PROCESSED_INBOX_ROWS = """
            DELETE FROM inbox WHERE id IN (SELECT id FROM inbox
                WHERE processed_at IS NOT NULL AND error IS NULL AND processed_at < ? LIMIT ?)""";

    private final JdbcClient jdbc;
    private final RetentionSettings settings;
    private final RetentionProperties properties;

    public ExpiredData(JdbcClient jdbc, RetentionSettings settings, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.properties = properties;
    }

    /**
     * Deletes what had expired at {@code now} (epoch milliseconds), as long as {@code keepGoing}
     * holds when it looks between statements.
     *
     * @return the rows deleted per table
     */
    public Map<String, Long> delete(long now, BooleanSupplier keepGoing) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (RetentionSettings.ProjectRetention project : settings.all()) {
            long cutoff = now - Duration.ofDays(project.days()).toMillis();
            for (String table : RECEIVED_TABLES) {
                String sql = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                        + " WHERE project_id = ? AND received_at < ? LIMIT ?)";
                deleted.merge(table, inBatches(sql, keepGoing, project.projectId(), cutoff), Long::sum);
            }
            deleted.merge("inbox", inBatches(FAILED_INBOX_ROWS, keepGoing, project.projectId(), cutoff), Long::sum);
        }
        deleted.merge("inbox", inBatches(PROCESSED_INBOX_ROWS, keepGoing,
                now - properties.processedInbox().toMillis()), Long::sum);
        return deleted;
    }

    /** Runs {@code sql} (its last parameter the batch size) until it deletes less than a full batch. */
    private long inBatches(String sql, BooleanSupplier keepGoing, Object... params) {
        long total = 0;
        while (keepGoing.getAsBoolean()) {
            int rows = jdbc.sql(sql).params(params).param(properties.batchSize()).update();
            total += rows;
            if (rows < properties.batchSize()) {
                break;
            }
            LockSupport.parkNanos(this, properties.pause().toNanos());
        }
        return total;
    }
}
