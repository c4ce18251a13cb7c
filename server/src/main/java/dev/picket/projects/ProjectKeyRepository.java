package dev.picket.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectKeyRepository {

    private static final String COLUMNS = """
            id, project_id, public_key, secret_key, label, is_active, rate_limit_count, rate_limit_window_seconds,
            created_at""";

    private final JdbcClient jdbc;

    ProjectKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DsnKey insert(long projectId, String label, Instant created) {
        String publicKey = RandomKeys.hex32();
        String secretKey = RandomKeys.hex32();
        long id = jdbc.sql("""
                        INSERT INTO project_keys (project_id, public_key, secret_key, label, is_active, created_at)
                        VALUES (?, ?, ?, ?, 1, ?) RETURNING id""")
                .param(projectId).param(publicKey).param(secretKey).param(label).param(created.toEpochMilli())
                .query(Long.class).single();
        return new DsnKey(id, projectId, publicKey, secretKey, label, true, null, created);
    }

    Optional<DsnKey> findByPublicKey(String publicKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_keys WHERE public_key = ?")
                .param(publicKey)
                .query(ProjectKeyRepository::key)
                .optional();
    }

    List<DsnKey> listByProject(long projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_keys WHERE project_id = ? ORDER BY id")
                .param(projectId)
                .query(ProjectKeyRepository::key)
                .list();
    }

    void update(long id, String label, boolean active, RateLimit rateLimit) {
        jdbc.sql("""
                        UPDATE project_keys SET label = ?, is_active = ?, rate_limit_count = ?,
                        rate_limit_window_seconds = ? WHERE id = ?""")
                .param(label).param(active ? 1 : 0)
                .param(rateLimit == null ? null : rateLimit.count())
                .param(rateLimit == null ? null : rateLimit.windowSeconds())
                .param(id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM project_keys WHERE id = ?").param(id).update();
    }

    private static DsnKey key(ResultSet row, int rowNum) throws SQLException {
        int limitCount = row.getInt("rate_limit_count");
        RateLimit rateLimit = row.wasNull() ? null : new RateLimit(limitCount, row.getInt("rate_limit_window_seconds"));
        return new DsnKey(row.getLong("id"), row.getLong("project_id"), row.getString("public_key"),
                row.getString("secret_key"), row.getString("label"), row.getBoolean("is_active"), rateLimit,
                Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
