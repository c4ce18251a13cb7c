package dev.picket.projects;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Team;
import dev.picket.api.ApiController;
import dev.picket.api.ApiException;
import dev.picket.api.JsonBody;
import dev.picket.pipeline.ScrubbingSettings;
import dev.picket.retention.RetentionSettings;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.JsonNode;

@ApiController
class ProjectsController {

    private static final String RETENTION_DAYS = "retentionDays";

    private final Projects projects;
    private final Organizations organizations;
    private final ProjectAccess access;
    private final ScrubbingSettings scrubbing;
    private final RetentionSettings retention;

    ProjectsController(Projects projects, Organizations organizations, ProjectAccess access,
                       ScrubbingSettings scrubbing, RetentionSettings retention) {
        this.projects = projects;
        this.organizations = organizations;
        this.access = access;
        this.scrubbing = scrubbing;
        this.retention = retention;
    }

    @GetMapping("/api/0/projects/")
    List<ProjectJson> listAll(@AuthenticationPrincipal ApiUser user) {
        return organizations.listForMember(user.userId()).stream()
                .flatMap(organization -> json(organization, projects.listForOrganization(organization.id())).stream())
                .toList();
    }

    @GetMapping("/api/0/organizations/{organizationSlug}/projects/")
    List<ProjectJson> listForOrganization(@AuthenticationPrincipal ApiUser user,
                                          @PathVariable String organizationSlug) {
        Organization organization = access.organization(user, organizationSlug);
        return json(organization, projects.listForOrganization(organization.id()));
    }

    @GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/")
    ProjectDetailsJson get(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                           @PathVariable String projectSlug) {
        Organization organization = access.organization(user, organizationSlug);
        Project project = projects.findBySlug(organization.id(), projectSlug).orElseThrow(ApiException::notFound);
        return details(organization, project);
    }

    /**
     * Changes a project's data scrubbing settings and its retention ({@code retentionDays}, Picket's;
     * null for the server's default); other fields of Sentry's project update are not supported yet.
     */
    @PutMapping("/api/0/projects/{organizationSlug}/{projectSlug}/")
    ProjectDetailsJson update(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                              @PathVariable String projectSlug, @RequestBody JsonNode body) {
        Organization organization = access.organization(user, organizationSlug);
        Project project = projects.findBySlug(organization.id(), projectSlug).orElseThrow(ApiException::notFound);
        JsonBody.of(body);
        if (ScrubbingUpdate.touches(body)) {
            scrubbing.update(project.id(), ScrubbingUpdate.apply(scrubbing.forProject(project.id()), body));
        }
        if (body.has(RETENTION_DAYS)) {
            setRetentionDays(project, body.get(RETENTION_DAYS));
        }
        return details(organization, project);
    }

    @PostMapping("/api/0/teams/{organizationSlug}/{teamSlug}/projects/")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectJson create(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                       @PathVariable String teamSlug, @RequestBody JsonNode body) {
        Organization organization = access.organization(user, organizationSlug);
        JsonBody fields = JsonBody.of(body);
        CreatedProject created = projects.create(organization.slug(), teamSlug, fields.optionalString("name"),
                fields.optionalString("slug"), fields.optionalString("platform"));
        return json(organization, List.of(created.project())).getFirst();
    }

    private void setRetentionDays(Project project, JsonNode days) {
        if (!days.isNull() && !days.canConvertToExactIntegral()) {
            throw ApiException.badRequest("'" + RETENTION_DAYS + "' must be a whole number of days, or null for the"
                    + " server's default");
        }
        try {
            retention.setDays(project.id(), days.isNull() ? null : days.intValue());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private ProjectDetailsJson details(Organization organization, Project project) {
        return ProjectDetailsJson.of(json(organization, List.of(project)).getFirst(), scrubbing.forProject(project.id()),
                retention.days(project.id()));
    }

    private List<ProjectJson> json(Organization organization, List<Project> list) {
        Map<Long, Team> teams = organizations.listTeams(organization.id()).stream()
                .collect(Collectors.toMap(Team::id, Function.identity()));
        return list.stream().map(project -> ProjectJson.of(project, organization, teams.get(project.teamId()))).toList();
    }
}
