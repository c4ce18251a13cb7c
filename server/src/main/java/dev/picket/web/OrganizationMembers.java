package dev.picket.web;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The members of an organization with their roles, for what the pages offer by role (settings to
 * owners and admins) and the people an issue can be assigned to.
 */
@Repository
class OrganizationMembers {

    record Member(long userId, String email, String role) {

        /** Owners and admins change projects and their keys; members read them. */
        boolean administers() {
            return role.equals("owner") || role.equals("admin");
        }
    }

    private final JdbcClient jdbc;

    OrganizationMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By e-mail address. */
    List<Member> list(long organizationId) {
        return jdbc.sql("""
                        SELECT u.id, u.email, m.role FROM organization_members m JOIN users u ON u.id = m.user_id
                        WHERE m.organization_id = ? ORDER BY u.email""")
                .param(organizationId)
                .query((row, n) -> new Member(row.getLong(1), row.getString(2), row.getString(3))).list();
    }

    Optional<Member> find(long organizationId, long userId) {
        return jdbc.sql("""
                        SELECT u.id, u.email, m.role FROM organization_members m JOIN users u ON u.id = m.user_id
                        WHERE m.organization_id = ? AND m.user_id = ?""")
                .param(organizationId).param(userId)
                .query((row, n) -> new Member(row.getLong(1), row.getString(2), row.getString(3))).optional();
    }
}
