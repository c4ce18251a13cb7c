package dev.picket.projects;

import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationJson;
import dev.picket.accounts.Team;
import java.time.Instant;
import java.util.List;

/** A project as Sentry's API shows it: ids are strings, {@code team} repeats the first of {@code teams}. */
record ProjectJson(String id, String slug, String name, String platform, Instant dateCreated,
                   OrganizationJson organization, TeamJson team, List<TeamJson> teams) {

    static ProjectJson of(Project project, Organization organization, Team team) {
        TeamJson teamJson = new TeamJson(Long.toString(team.id()), team.slug(), team.name());
        return new ProjectJson(Long.toString(project.id()), project.slug(), project.name(), project.platform(),
                project.dateCreated(), OrganizationJson.of(organization), teamJson, List.of(teamJson));
    }

    record TeamJson(String id, String slug, String name) {
    }
}
