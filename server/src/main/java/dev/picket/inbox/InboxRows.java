package dev.picket.inbox;

import dev.picket.store.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the processor consumes the inbox table: it claims unprocessed rows, oldest first, and marks
 * them processed in the transaction that stores their results. On PostgreSQL several instances
 * consume one inbox: a claimed row is locked to the claiming transaction and skipped by the others,
 * so each row is processed once, and a row whose taker dies is free again when its connection goes.
 * SQLite has one processor per database file.
 */
@Component
public class InboxRows {

    /**
     * A processed row keeps its key, so that a replay of the same event is still dropped, but not
     * its payload: the envelope as received holds what scrubbing removed from the stored event.
     * A row set aside with an error keeps it, to be looked into.
     */
    private static final String MARK = "UPDATE inbox SET processed_at = ?, error = ?, payload = coalesce(?, payload)"
            + " WHERE id = ?";
    private static final byte[] NO_PAYLOAD = new byte[0];
    private static final int CLAIM_FETCH_SIZE = 32;

    private final JdbcClient jdbc;
    private final String claim;
    private final boolean claimLocks;

    public InboxRows(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.claim = """
                SELECT id, project_id, event_id, received_at, payload FROM inbox
                WHERE processed_at IS NULL ORDER BY id LIMIT ?""" + dialect.claim();
        this.claimLocks = !dialect.claim().isEmpty();
    }

    /**
     * The oldest rows not yet processed nor claimed by another transaction, at most {@code limit}
     * and, but for a first row larger than that alone, at most {@code maxBytes} of envelopes
     * (decompressed), claimed for {@code transaction} until it ends: mark them with
     * {@link #markProcessed} before it commits. Where claims are locks this begins the transaction
     * (autocommit off); elsewhere it leaves {@code transaction} as it was, so that SQLite's write
     * lock is not taken before writing.
     */
    public ClaimedRows claim(Connection transaction, int limit, long maxBytes) throws SQLException {
        if (claimLocks) {
            transaction.setAutoCommit(false);
        }
        List<InboxRow> rows = new ArrayList<>(Math.min(limit, CLAIM_FETCH_SIZE));
        long bytes = 0;
        try (PreparedStatement select = transaction.prepareStatement(claim)) {
            select.setInt(1, limit);
            // Fetched a few at a time, so that rows past the byte bound are not all read and locked.
            select.setFetchSize(CLAIM_FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    InboxRow row = new InboxRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getBytes(5));
                    bytes += row.envelopeSize();
                    if (!rows.isEmpty() && bytes > maxBytes) {
                        // Left for the next batch; on PostgreSQL it is only locked until this one commits.
                        return new ClaimedRows(rows, true);
                    }
                    rows.add(row);
                }
            }
        }
        return new ClaimedRows(rows, rows.size() == limit);
    }

    /**
     * Rows claimed for processing.
     *
     * @param full whether the claim stopped at its count or byte bound, so that more rows may wait
     */
    public record ClaimedRows(List<InboxRow> rows, boolean full) {
    }

    /** Marks rows processed within the caller's transaction, so that their results and marks commit together. */
    public void markProcessed(Connection transaction, List<ProcessedRow> rows, long processedAt) throws SQLException {
        try (PreparedStatement mark = transaction.prepareStatement(MARK)) {
            for (ProcessedRow row : rows) {
                mark.setLong(1, processedAt);
                if (row.error() == null) {
                    mark.setNull(2, Types.VARCHAR);
                    mark.setBytes(3, NO_PAYLOAD);
                } else {
                    mark.setString(2, row.error());
                    mark.setNull(3, Types.VARBINARY);
                }
                mark.setLong(4, row.id());
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }

    /** The id of the newest row, 0 when the inbox is empty. */
    public long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM inbox").query(Long.class).single();
    }

    /** Whether any row up to and including {@code id} still waits to be processed. */
    public boolean anyUnprocessedUpTo(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox WHERE processed_at IS NULL AND id <= ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }
}
