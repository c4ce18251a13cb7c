package dev.picket.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    private static final String COLUMNS = "id, organization_id, team_id, slug, name, platform, created_at, default_environment";

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Project insert(long organizationId, long teamId, String slug, String name, String platform, Instant created) {
        long id = jdbc.sql("""
                        INSERT INTO projects (organization_id, team_id, slug, name, platform, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(organizationId).param(teamId).param(slug).param(name).param(platform)
                .param(created.toEpochMilli())
                .query(Long.class).single();
        return new Project(id, organizationId, teamId, slug, name, platform, created, null);
    }

    void updateName(long id, String name) {
        jdbc.sql("UPDATE projects SET name = ? WHERE id = ?").param(name).param(id).update();
    }

    void updateDefaultEnvironment(long id, String environment) {
        jdbc.sql("UPDATE projects SET default_environment = ? WHERE id = ?").param(environment).param(id).update();
    }

    boolean slugExists(long organizationId, String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects WHERE organization_id = ? AND slug = ?)")
                .param(organizationId).param(slug)
                .query(Boolean.class).single();
    }

    Optional<Project> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = ?")
                .param(id)
                .query(ProjectRepository::project)
                .optional();
    }

    Optional<Project> findBySlug(long organizationId, String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE organization_id = ? AND slug = ?")
                .param(organizationId).param(slug)
                .query(ProjectRepository::project)
                .optional();
    }

    List<Project> listByOrganization(long organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE organization_id = ? ORDER BY slug")
                .param(organizationId)
                .query(ProjectRepository::project)
                .list();
    }

    private static Project project(ResultSet row, int rowNum) throws SQLException {
        return new Project(row.getLong("id"), row.getLong("organization_id"), row.getLong("team_id"),
                row.getString("slug"), row.getString("name"), row.getString("platform"),
                Instant.ofEpochMilli(row.getLong("created_at")), row.getString("default_environment"));
    }
}
