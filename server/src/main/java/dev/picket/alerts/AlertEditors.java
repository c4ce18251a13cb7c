package dev.picket.alerts;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may change a project's alert rules on the pages: the owners and admins of its organization.
 * Other members see the rules and the history.
 */
@Component
class AlertEditors {

    private static final Set<String> EDITING_ROLES = Set.of("owner", "admin");

    private final JdbcClient jdbc;

    AlertEditors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean mayEdit(long userId, long organizationId) {
        // The accounts feature has no role lookup in its Java API yet; its membership table is only read here.
        return jdbc.sql("SELECT role FROM organization_members WHERE organization_id = ? AND user_id = ?")
                .params(organizationId, userId)
                .query(String.class).optional()
                .filter(EDITING_ROLES::contains)
                .isPresent();
    }
}
