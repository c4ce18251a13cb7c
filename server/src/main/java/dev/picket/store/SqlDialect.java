package dev.picket.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What little SQL differs between the databases Picket runs on; everything else is written once,
 * in SQL both understand.
 */
public enum SqlDialect {

    /** Transactions begin IMMEDIATE: a transaction holds the database's one write lock before it reads. */
    SQLITE(""),
    /** Readers do not block writers: a row read in order to be rewritten is locked explicitly. */
    POSTGRESQL(" FOR UPDATE");

    private final String forUpdate;

    SqlDialect(String forUpdate) {
        this.forUpdate = forUpdate;
    }

    /**
     * The clause that ends a {@code SELECT} whose rows the transaction will update from what it
     * read, so that no concurrent transaction changes them in between; empty where the
     * transaction already excludes other writers.
     */
    public String forUpdate() {
        return forUpdate;
    }

    /** The dialect of the database {@code connection} is connected to. */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "SQLite" -> SQLITE;
            case "PostgreSQL" -> POSTGRESQL;
            default -> throw new IllegalStateException("Picket does not support the database " + product);
        };
    }
}
