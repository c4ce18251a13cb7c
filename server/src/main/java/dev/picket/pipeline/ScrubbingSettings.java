package dev.picket.pipeline;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.picket.processing.scrub.ScrubbingConfig;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each project's data scrubbing settings; a project that never changed them gets
 * {@link ScrubbingConfig#defaults()}. Read on every event, so cached; a change here is seen at once
 * by this process and within {@link #CACHE_TTL} by others sharing the database.
 */
@Service
public class ScrubbingSettings {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final LoadingCache<Long, ScrubbingConfig> cache;

    public ScrubbingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHE_TTL).build(this::load);
    }

    public ScrubbingConfig forProject(long projectId) {
        return cache.get(projectId);
    }

    /** Stores a project's settings; the next event of the project is scrubbed with them. */
    public void update(long projectId, ScrubbingConfig config) {
        jdbc.sql("""
                        INSERT INTO project_scrubbing (project_id, enabled, scrub_defaults, scrub_ip_addresses, scrub_emails,
                                                       sensitive_fields, safe_fields, custom_patterns, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET enabled = excluded.enabled,
                            scrub_defaults = excluded.scrub_defaults, scrub_ip_addresses = excluded.scrub_ip_addresses,
                            scrub_emails = excluded.scrub_emails, sensitive_fields = excluded.sensitive_fields,
                            safe_fields = excluded.safe_fields, custom_patterns = excluded.custom_patterns,
                            updated_at = excluded.updated_at""")
                .param(projectId).param(flag(config.enabled())).param(flag(config.scrubDefaults()))
                .param(flag(config.scrubIpAddresses())).param(flag(config.scrubEmails()))
                .param(JSON.writeValueAsString(config.sensitiveFields()))
                .param(JSON.writeValueAsString(config.safeFields()))
                .param(JSON.writeValueAsString(config.customPatterns()))
                .param(System.currentTimeMillis())
                .update();
        cache.put(projectId, config);
    }

    private ScrubbingConfig load(long projectId) {
        return jdbc.sql("""
                        SELECT enabled, scrub_defaults, scrub_ip_addresses, scrub_emails, sensitive_fields, safe_fields,
                               custom_patterns FROM project_scrubbing WHERE project_id = ?""")
                .param(projectId)
                .query((row, n) -> new ScrubbingConfig(row.getInt(1) == 1, row.getInt(2) == 1, row.getInt(3) == 1,
                        row.getInt(4) == 1, strings(row.getString(5)), strings(row.getString(6)),
                        strings(row.getString(7))))
                .optional()
                .orElseGet(ScrubbingConfig::defaults);
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static List<String> strings(String json) {
        return JSON.readValue(json, STRINGS);
    }
}
