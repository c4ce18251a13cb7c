package dev.picket.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;

/** Writes batches of inbox entries, each in one transaction, on a connection kept for this alone. */
final class InboxBatchWriter implements AutoCloseable {

    private static final String INSERT = """
            INSERT INTO inbox (project_id, event_id, received_at, payload) VALUES (?, ?, ?, ?)
            ON CONFLICT (project_id, event_id) DO NOTHING""";

    private final DataSource dataSource;
    private Connection connection;

    InboxBatchWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts {@code batch} and commits. On failure nothing of it is stored.
     *
     * @return how many entries were dropped because their project and event id were already stored
     */
    int write(List<PendingAppend> batch) throws SQLException {
        Connection c = connection();
        try {
            // Autocommit is off only during the batch: the SQLite driver begins the next IMMEDIATE
            // transaction right after commit(), which would hold the write lock while the writer idles.
            // (PostgreSQL begins a transaction only at the next statement; this costs it nothing.)
            c.setAutoCommit(false);
            int[] counts;
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (PendingAppend entry : batch) {
                    insert.setLong(1, entry.projectId);
                    if (entry.eventId == null) {
                        insert.setNull(2, Types.VARCHAR);
                    } else {
                        insert.setString(2, entry.eventId);
                    }
                    insert.setLong(3, entry.receivedAt);
                    insert.setBytes(4, entry.payload);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            // Switching autocommit back on commits (JDBC), as one COMMIT with nothing begun after it;
            // it returns once the commit is durable (SQLite synchronous=FULL, PostgreSQL's default
            // synchronous_commit=on).
            c.setAutoCommit(true);
            return duplicates(counts);
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            throw e;
        }
    }

    /**
     * Both drivers report 0 for a row ON CONFLICT skipped. (PgJDBC's reWriteBatchedInserts would
     * report no counts at all, so duplicates would go uncounted; nothing else depends on them.)
     */
    private static int duplicates(int[] counts) {
        int dropped = 0;
        for (int count : counts) {
            if (count == 0) {
                dropped++;
            }
        }
        return dropped;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
        }
        return connection;
    }

    /**
     * Closing rolls back what the failed batch began (on PostgreSQL the failed statement has aborted
     * the transaction anyway); the next batch starts on a fresh connection.
     */
    private void discardConnection() {
        Connection c = connection;
        connection = null;
        try {
            c.close();
        } catch (SQLException ignored) {
            // The connection is gone either way; the batch's own error is what the caller reports.
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            discardConnection();
        }
    }
}
