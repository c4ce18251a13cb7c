package dev.picket.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two migration folders build the same schema: the same tables with the same columns in the
 * same order, the same nullability, primary keys, unique keys and indexes. (Types differ by design,
 * and partial indexes' conditions are not visible through JDBC on SQLite.)
 */
class MigrationsInStepTest {

    @TempDir
    static Path dir;

    static Map<String, Table> sqlite;
    static Map<String, Table> postgresql;

    @BeforeAll
    static void migrateBoth() throws SQLException {
        String sqliteUrl = "jdbc:sqlite:" + dir.resolve("picket.db");
        sqlite = schema(sqliteUrl, null, null, "sqlite");
        TestPostgres server = TestPostgres.get();
        postgresql = schema(server.createDatabase(), server.username(), server.password(), "postgresql");
    }

    @Test
    void bothHaveTheSameTables() {
        assertThat(postgresql.keySet()).containsExactlyElementsOf(sqlite.keySet());
    }

    @Test
    void everyTableHasTheSameColumnsInTheSameOrderAndNullability() {
        sqlite.forEach((name, table) ->
                assertThat(postgresql.get(name).columns()).as("columns of %s", name).isEqualTo(table.columns()));
    }

    @Test
    void everyTableHasTheSamePrimaryKeyUniqueKeysAndIndexes() {
        sqlite.forEach((name, table) -> {
            assertThat(postgresql.get(name).primaryKey()).as("primary key of %s", name).isEqualTo(table.primaryKey());
            assertThat(postgresql.get(name).indexes()).as("indexes of %s", name).isEqualTo(table.indexes());
        });
    }

    /** A column as "name" or "name NOT NULL"; an index as "UNIQUE (a, b)" or "(a, b)". */
    record Table(List<String> columns, List<String> primaryKey, Set<String> indexes) {
    }

    private static Map<String, Table> schema(String url, String user, String password, String vendor)
            throws SQLException {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/" + vendor).load()
                .migrate();
        Map<String, Table> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : tableNames(meta)) {
                List<String> primaryKey = primaryKey(meta, name);
                tables.put(name, new Table(columns(meta, name, primaryKey), primaryKey, indexes(meta, name, primaryKey)));
            }
        }
        return tables;
    }

    private static List<String> tableNames(DatabaseMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equals("flyway_schema_history") && !name.startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Primary key columns count as NOT NULL: SQLite's INTEGER PRIMARY KEY does not say so. */
    private static List<String> columns(DatabaseMetaData meta, String table, List<String> primaryKey)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls || primaryKey.contains(name);
                columns.add(notNull ? name + " NOT NULL" : name);
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    /** The primary key's own index is left out: SQLite has none for an INTEGER PRIMARY KEY. */
    private static Set<String> indexes(DatabaseMetaData meta, String table, List<String> primaryKey)
            throws SQLException {
        Map<String, Map<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index == null) {
                    continue;
                }
                columns.computeIfAbsent(index, i -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        rs.getString("COLUMN_NAME"));
                unique.put(index, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        Set<String> indexes = new TreeSet<>();
        columns.forEach((index, cols) -> {
            List<String> names = List.copyOf(cols.values());
            if (!(unique.get(index) && names.equals(primaryKey))) {
                indexes.add((unique.get(index) ? "UNIQUE " : "") + "(" + String.join(", ", names) + ")");
            }
        });
        return indexes;
    }
}
