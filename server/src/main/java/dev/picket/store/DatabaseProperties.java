package dev.picket.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which database to use. An empty {@code url} means the embedded SQLite file under the data
 * directory; {@code jdbc:postgresql://...} switches to PostgreSQL.
 */
@ConfigurationProperties("picket.database")
public record DatabaseProperties(String url, String username, String password) {

    public boolean isEmbedded() {
        return url == null || url.isBlank() || url.startsWith("jdbc:sqlite:");
    }
}
