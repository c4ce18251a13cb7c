package dev.picket.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dpicket.test.database=postgresql} (the server module's second test run), points every
 * Picket started in the test JVM at PostgreSQL: one database per data directory, so that each test
 * context gets an empty database as it gets an empty data directory, and a restart on the same data
 * directory finds its database again. A context that names its own database URL keeps it.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor, Ordered {

    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"postgresql".equals(System.getProperty("picket.test.database"))
                || !environment.getProperty("picket.database.url", "").isBlank()) {
            return;
        }
        String dataDir = environment.getProperty("picket.data-dir", "");
        TestPostgres server = TestPostgres.get();
        String url = DATABASES.computeIfAbsent(dataDir, dir -> server.createDatabase());
        environment.getPropertySources().addFirst(new MapPropertySource("picket-test-postgresql", Map.of(
                "picket.database.url", url,
                "picket.database.username", server.username() == null ? "" : server.username(),
                "picket.database.password", server.password() == null ? "" : server.password())));
    }

    /** After the configuration files are read, so that the test profile's data directory is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
