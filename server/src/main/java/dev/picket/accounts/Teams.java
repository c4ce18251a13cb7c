package dev.picket.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The teams of an organization and which projects each owns. Every change takes an owner or admin
 * ({@link RoleRules}); any member may list them.
 */
@Service
public class Teams {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final TransactionTemplate transaction;

    Teams(JdbcClient jdbc, Organizations organizations, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.transaction = transaction;
    }

    /** A team and the projects it owns. */
    public record TeamProjects(Team team, List<TeamProject> projects) {
    }

    public record TeamProject(String slug, String name) {
    }

    /** The organization's teams by name, each with its projects by name. */
    public List<TeamProjects> list(Organization organization) {
        Map<Long, List<TeamProject>> projectsByTeam = new LinkedHashMap<>();
        jdbc.sql("SELECT team_id, slug, name FROM projects WHERE organization_id = ? ORDER BY name, slug")
                .param(organization.id())
                .query(row -> {
                    projectsByTeam.computeIfAbsent(row.getLong("team_id"), team -> new ArrayList<>())
                            .add(new TeamProject(row.getString("slug"), row.getString("name")));
                });
        return organizations.listTeams(organization.id()).stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .map(team -> new TeamProjects(team, projectsByTeam.getOrDefault(team.id(), List.of())))
                .toList();
    }

    /**
     * Creates a team named {@code name}, its slug made from the name.
     *
     * @throws AccountRuleException when {@code actor} may not, the name is unusable or its slug taken
     */
    public Team create(Membership actor, String name) {
        RoleRules.requireManager(actor);
        String teamName = AccountNames.requireName(name);
        String slug = AccountNames.slugOf(teamName);
        return transaction.execute(status -> {
            if (organizations.findTeam(actor.organization().id(), slug).isPresent()) {
                throw new AccountRuleException("There is a team '" + slug + "' already; choose another name.");
            }
            return organizations.createTeam(actor.organization(), slug, teamName);
        });
    }

    /**
     * Renames the team; its slug (used by the REST API) stays.
     *
     * @throws AccountRuleException when {@code actor} may not, there is no such team or the name is unusable
     */
    public void rename(Membership actor, String teamSlug, String name) {
        RoleRules.requireManager(actor);
        String teamName = AccountNames.requireName(name);
        Team team = existing(actor, teamSlug);
        jdbc.sql("UPDATE teams SET name = ? WHERE id = ?").param(teamName).param(team.id()).update();
    }

    /**
     * Deletes a team that owns no project (projects always belong to a team: move them first).
     *
     * @throws AccountRuleException when {@code actor} may not, there is no such team or it still owns projects
     */
    public void delete(Membership actor, String teamSlug) {
        RoleRules.requireManager(actor);
        transaction.executeWithoutResult(status -> {
            Team team = existing(actor, teamSlug);
            int deleted = jdbc.sql("""
                            DELETE FROM teams WHERE id = ?
                            AND NOT EXISTS (SELECT 1 FROM projects WHERE team_id = ?)""")
                    .param(team.id()).param(team.id()).update();
            if (deleted == 0) {
                throw new AccountRuleException("Team '" + team.name()
                        + "' still owns projects; give them to another team first.");
            }
        });
    }

    /**
     * Gives the project {@code projectId} of the actor's organization to the team {@code teamSlug};
     * for the project settings page.
     *
     * @throws AccountRuleException when {@code actor} may not, or there is no such team or project in the organization
     */
    public void moveProject(Membership actor, long projectId, String teamSlug) {
        RoleRules.requireManager(actor);
        Team team = existing(actor, teamSlug);
        int moved = jdbc.sql("UPDATE projects SET team_id = ? WHERE id = ? AND organization_id = ?")
                .param(team.id()).param(projectId).param(actor.organization().id()).update();
        if (moved == 0) {
            throw new AccountRuleException("There is no such project in this organization.");
        }
    }

    private Team existing(Membership actor, String teamSlug) {
        return organizations.findTeam(actor.organization().id(), teamSlug)
                .orElseThrow(() -> new AccountRuleException("There is no team '" + teamSlug + "'."));
    }
}
