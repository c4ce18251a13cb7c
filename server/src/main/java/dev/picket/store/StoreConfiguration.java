package dev.picket.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.picket.PicketProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource, tuned for the database in use. Flyway then runs {@code db/migration/{vendor}}.
 * Public so that benchmarks of the store's writers run on exactly these settings.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    public DataSource dataSource(PicketProperties picket, DatabaseProperties database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("picket");
        if (database.isEmbedded()) {
            config.setJdbcUrl(sqliteUrl(picket, database));
            // WAL lets readers run beside the single writer; FULL makes every commit durable before
            // ingestion acknowledges it; IMMEDIATE takes the write lock at BEGIN so that a busy writer
            // waits (busy_timeout) instead of failing on lock upgrade.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(8);
        } else {
            config.setJdbcUrl(database.url());
            config.setUsername(database.username());
            config.setPassword(database.password());
            config.setMaximumPoolSize(16);
        }
        return new HikariDataSource(config);
    }

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SqlDialect.of(connection);
        }
    }

    private static String sqliteUrl(PicketProperties picket, DatabaseProperties database) {
        if (database.url() != null && !database.url().isBlank()) {
            return database.url();
        }
        Path dir = picket.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return "jdbc:sqlite:" + dir.resolve("picket.db");
    }
}
