package dev.picket.issues;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who an issue is assigned to: one user or nobody. Callers check that the user is a member of the
 * issue's organization; the column only refers to a user.
 */
@Service
public class IssueAssignees {

    private final JdbcClient jdbc;

    IssueAssignees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assigned user's id; empty when nobody is assigned or there is no such issue. */
    public Optional<Long> assignee(long issueId) {
        return jdbc.sql("SELECT assignee_user_id FROM issues WHERE id = ? AND assignee_user_id IS NOT NULL")
                .param(issueId).query(Long.class).optional();
    }

    /** @param userId null to unassign */
    public void assign(long issueId, Long userId) {
        jdbc.sql("UPDATE issues SET assignee_user_id = ? WHERE id = ?").param(userId).param(issueId).update();
    }
}
