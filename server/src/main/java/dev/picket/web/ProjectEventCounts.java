package dev.picket.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many error events and unresolved issues each project of an organization has, for the projects page. */
@Repository
class ProjectEventCounts {

    record Counts(long events, long unresolvedIssues) {
    }

    private final JdbcClient jdbc;

    ProjectEventCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Project id → counts, for the projects of the organization that have issues. */
    Map<Long, Counts> forOrganization(long organizationId) {
        // The issues' own counters are kept exact per event, so summing them avoids scanning events.
        return jdbc.sql("""
                        SELECT i.project_id, sum(i.times_seen),
                               sum(CASE WHEN i.status = 'unresolved' THEN 1 ELSE 0 END) FROM issues i
                        JOIN projects p ON p.id = i.project_id WHERE p.organization_id = ? GROUP BY i.project_id""")
                .param(organizationId)
                .query((row, n) -> Map.entry(row.getLong(1), new Counts(row.getLong(2), row.getLong(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
