package dev.picket.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What little SQL differs between the databases Picket runs on; everything else is written once,
 * in SQL both understand.
 */
public enum SqlDialect {

    /**
     * Transactions begin IMMEDIATE: a transaction holds the database's one write lock before it reads.
     * One process writes the file, so there is nobody to skip rows for.
     */
    SQLITE("", "", ""),
    /** Readers do not block writers: a row read in order to be rewritten is locked explicitly. */
    POSTGRESQL(" FOR UPDATE", " FOR NO KEY UPDATE", " FOR UPDATE SKIP LOCKED");

    private final String forUpdate;
    private final String forNoKeyUpdate;
    private final String claim;

    SqlDialect(String forUpdate, String forNoKeyUpdate, String claim) {
        this.forUpdate = forUpdate;
        this.forNoKeyUpdate = forNoKeyUpdate;
        this.claim = claim;
    }

    /**
     * The clause that ends a {@code SELECT} whose rows the transaction will update from what it
     * read, so that no concurrent transaction changes them in between; empty where the
     * transaction already excludes other writers.
     */
    public String forUpdate() {
        return forUpdate;
    }

    /**
     * As {@link #forUpdate()}, for a transaction that will change no key column of the rows: on
     * PostgreSQL it then does not wait for, nor block, transactions that insert rows referring to
     * them by foreign key.
     */
    public String forNoKeyUpdate() {
        return forNoKeyUpdate;
    }

    /**
     * The clause that ends a {@code SELECT} of work to take: the rows are locked until the
     * transaction ends and rows another transaction holds are skipped, so that each row goes to
     * one taker; a taker that dies loses its locks with its connection. Empty where one process
     * is the only taker.
     */
    public String claim() {
        return claim;
    }

    /**
     * Whether the database lets one transaction write at a time (SQLite, per file), so that a long
     * write makes every other writer wait; elsewhere writers lock only the rows they change.
     */
    public boolean hasOneWriteLock() {
        return this == SQLITE;
    }

    /** Whether several Picket processes may share the database. */
    public boolean allowsSeveralInstances() {
        return this == POSTGRESQL;
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
