package dev.picket.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** The prepared statements of one transaction, each prepared on first use and reused for the whole batch. */
final class Statements implements AutoCloseable {

    private final Connection transaction;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection transaction) {
        this.transaction = transaction;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = transaction.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Binds {@code values} from index 1, writing SQL NULL for null. */
    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case Double d -> statement.setDouble(i + 1, d);
                case Boolean b -> statement.setInt(i + 1, b ? 1 : 0);
                case String s -> statement.setString(i + 1, s);
                case byte[] bytes -> statement.setBytes(i + 1, bytes);
                default -> throw new IllegalArgumentException("cannot bind " + value.getClass().getName());
            }
        }
    }
}
