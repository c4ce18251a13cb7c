package dev.picket.web;

import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.api.ApiException;
import dev.picket.issues.CountBucket;
import dev.picket.processing.scrub.ScrubbingConfig;
import dev.picket.pipeline.ScrubbingSettings;
import dev.picket.projects.CreatedProject;
import dev.picket.projects.DsnKey;
import dev.picket.projects.DsnUrls;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess.MemberProject;
import dev.picket.projects.ProjectKeys;
import dev.picket.projects.Projects;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The projects of the user's organizations with their last day, creating a project, and one project
 * with its DSN, how to set SDKs up, and (for owners and admins) its settings.
 */
@Controller
class ProjectPagesController {

    /** The platforms the create form offers; Sentry's names, which the API takes too. */
    static final List<String> PLATFORMS = List.of("python", "javascript", "node", "java", "go",
            "ruby", "php", "dotnet", "other");

    private final PageAccess access;
    private final Organizations organizations;
    private final Projects projects;
    private final ProjectKeys keys;
    private final DsnUrls dsnUrls;
    private final ProjectEventCounts counts;
    private final ScrubbingSettings scrubbing;

    ProjectPagesController(PageAccess access, Organizations organizations, Projects projects, ProjectKeys keys,
                           DsnUrls dsnUrls, ProjectEventCounts counts, ScrubbingSettings scrubbing) {
        this.access = access;
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
        this.dsnUrls = dsnUrls;
        this.counts = counts;
        this.scrubbing = scrubbing;
    }

    record ProjectRow(Project project, long events, long unresolvedIssues, FrequencyChart lastDay) {
    }

    record OrganizationProjects(Organization organization, boolean administers, List<ProjectRow> projects) {
    }

    record KeyRow(DsnKey key, String dsn) {
    }

    @GetMapping("/")
    String projects(Principal principal, Model model) {
        List<OrganizationProjects> sections = organizations.listForMember(access.user(principal).id()).stream()
                .map(organization -> projectsOf(principal, organization)).toList();
        model.addAttribute("organizations", sections);
        return "projects";
    }

    @GetMapping("/organizations/{organizationSlug}/projects/new/")
    String newProject(Principal principal, @PathVariable String organizationSlug, Model model) {
        Organization organization = access.organization(principal, organizationSlug);
        access.requireAdministrator(principal, organization);
        model.addAttribute("organization", organization);
        model.addAttribute("teams", organizations.listTeams(organization.id()));
        model.addAttribute("platforms", PLATFORMS);
        return "project-new";
    }

    @PostMapping("/organizations/{organizationSlug}/projects/new/")
    String createProject(Principal principal, @PathVariable String organizationSlug, @RequestParam String name,
                         @RequestParam(defaultValue = "") String platform, @RequestParam String team, Model model) {
        Organization organization = access.organization(principal, organizationSlug);
        access.requireAdministrator(principal, organization);
        try {
            CreatedProject created = projects.create(organization.slug(), team, name, null,
                    platform.isBlank() ? null : platform);
            return "redirect:" + UriComponentsBuilder.fromPath("/projects/{org}/{project}/")
                    .buildAndExpand(organization.slug(), created.project().slug()).encode().toUriString();
        } catch (ApiException e) {
            model.addAttribute("organization", organization);
            model.addAttribute("teams", organizations.listTeams(organization.id()));
            model.addAttribute("platforms", PLATFORMS);
            model.addAttribute("error", e.detail());
            model.addAttribute("name", name);
            model.addAttribute("platform", platform);
            model.addAttribute("team", team);
            return "project-new";
        }
    }

    @GetMapping("/projects/{organizationSlug}/{projectSlug}/")
    String project(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                   Model model) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        List<KeyRow> keyRows = keys.list(scope.project()).stream()
                .map(key -> new KeyRow(key, dsnUrls.publicDsn(key))).toList();
        ScrubbingConfig scrubbingConfig = scrubbing.forProject(scope.project().id());
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("keys", keyRows);
        model.addAttribute("dsn", keyRows.stream().filter(row -> row.key().active()).map(KeyRow::dsn)
                .findFirst().orElse(null));
        model.addAttribute("administers", access.administers(principal, scope.organization()));
        model.addAttribute("teams", organizations.listTeams(scope.organization().id()));
        model.addAttribute("scrubbing", scrubbingConfig);
        model.addAttribute("sensitiveFields", String.join("\n", scrubbingConfig.sensitiveFields()));
        model.addAttribute("safeFields", String.join("\n", scrubbingConfig.safeFields()));
        model.addAttribute("customPatterns", String.join("\n", scrubbingConfig.customPatterns()));
        return "project";
    }

    private OrganizationProjects projectsOf(Principal principal, Organization organization) {
        Map<Long, ProjectEventCounts.Counts> byProject = counts.forOrganization(organization.id());
        Map<Long, List<CountBucket>> lastDay = counts.hourlyForOrganization(organization.id());
        List<ProjectRow> rows = projects.listForOrganization(organization.id()).stream().map(project -> {
            ProjectEventCounts.Counts count = byProject.getOrDefault(project.id(), new ProjectEventCounts.Counts(0, 0));
            return new ProjectRow(project, count.events(), count.unresolvedIssues(),
                    FrequencyChart.of(lastDay.getOrDefault(project.id(), counts.emptyDay())));
        }).toList();
        return new OrganizationProjects(organization, access.administers(principal, organization), rows);
    }
}
