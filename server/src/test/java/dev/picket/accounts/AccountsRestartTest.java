package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.PicketApplication;
import dev.picket.store.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccountsRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDatabaseCreatesNothingTwice() throws Exception {
        start().close();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            for (String table : List.of("organizations", "teams", "users", "organization_members", "api_tokens")) {
                assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single())
                        .as("rows in %s", table)
                        .isEqualTo(1);
            }
            if (second.getBean(SqlDialect.class) == SqlDialect.SQLITE) {
                assertThat(Files.exists(dataDir.resolve("picket.db"))).as("the SQLite file in the data directory").isTrue();
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PicketApplication.class)
                .profiles("test")
                // Arguments, not default properties: they must win over the test profile's own data dir.
                .run("--server.port=0",
                        "--picket.data-dir=" + dataDir,
                        "--picket.admin.email=root@example.com",
                        "--picket.admin.password=first password",
                        "--picket.admin.token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }
}
