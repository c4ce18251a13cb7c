package dev.picket.issues;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Reads and writes the status columns of {@code issues} as an {@link IssueState}. */
final class IssueStateColumns {

    static final String SELECT = "status, substatus, status_changed_at, resolved_at, resolved_in_next_release, resolved_in_release,"
            + " ignore_until, ignore_count, ignore_count_base, ignore_user_count, ignore_user_count_base";

    static final String ASSIGN = "status = ?, substatus = ?, status_changed_at = ?, resolved_at = ?, resolved_in_next_release = ?,"
            + " resolved_in_release = ?, ignore_until = ?, ignore_count = ?, ignore_count_base = ?,"
            + " ignore_user_count = ?, ignore_user_count_base = ?";

    static final int COUNT = 11;

    private IssueStateColumns() {
    }

    static IssueState read(ResultSet row) throws SQLException {
        return new IssueState(IssueStatus.ofColumn(row.getString("status")),
                IssueSubstatus.ofColumn(row.getString("substatus")), row.getLong("status_changed_at"),
                nullableLong(row, "resolved_at"),
                row.getInt("resolved_in_next_release") == 1, row.getString("resolved_in_release"),
                nullableLong(row, "ignore_until"), nullableLong(row, "ignore_count"),
                nullableLong(row, "ignore_count_base"), nullableLong(row, "ignore_user_count"),
                nullableLong(row, "ignore_user_count_base"));
    }

    /** Binds {@link #ASSIGN}'s parameters from {@code first} on; returns the next free index. */
    static int bind(PreparedStatement statement, int first, IssueState state) throws SQLException {
        int i = first;
        statement.setString(i++, state.status().column());
        setString(statement, i++, state.substatus() == null ? null : state.substatus().column());
        statement.setLong(i++, state.changedAt());
        setLong(statement, i++, state.resolvedAt());
        statement.setInt(i++, state.resolvedInNextRelease() ? 1 : 0);
        setString(statement, i++, state.resolvedInRelease());
        setLong(statement, i++, state.ignoreUntil());
        setLong(statement, i++, state.ignoreCount());
        setLong(statement, i++, state.ignoreCountBase());
        setLong(statement, i++, state.ignoreUserCount());
        setLong(statement, i++, state.ignoreUserCountBase());
        return i;
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
