package dev.picket.web;


import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
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

/** The projects of the user's organizations, and one project with its DSN and how to set SDKs up. */
@Controller
class ProjectPagesController {

    private final PageAccess access;
    private final Organizations organizations;
    private final Projects projects;
    private final ProjectKeys keys;
    private final DsnUrls dsnUrls;
    private final ProjectEventCounts counts;

    ProjectPagesController(PageAccess access, Organizations organizations, Projects projects, ProjectKeys keys,
                           DsnUrls dsnUrls, ProjectEventCounts counts) {
        this.access = access;
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
        this.dsnUrls = dsnUrls;
        this.counts = counts;
    }

    record ProjectRow(Project project, long events, long unresolvedIssues) {
    }

    record OrganizationProjects(Organization organization, List<ProjectRow> projects) {
    }

    record KeyRow(DsnKey key, String dsn) {
    }

    @GetMapping("/")
    String projects(Principal principal, Model model) {
        List<OrganizationProjects> sections = organizations.listForMember(access.user(principal).id()).stream()
                .map(this::projectsOf).toList();
        model.addAttribute("organizations", sections);
        return "projects";
    }

    @GetMapping("/projects/{organizationSlug}/{projectSlug}/")
    String project(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                   Model model) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        List<KeyRow> keyRows = keys.list(scope.project()).stream()
                .map(key -> new KeyRow(key, dsnUrls.publicDsn(key))).toList();
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("keys", keyRows);
        model.addAttribute("dsn", keyRows.stream().filter(row -> row.key().active()).map(KeyRow::dsn)
                .findFirst().orElse(null));
        return "project";
    }

    private OrganizationProjects projectsOf(Organization organization) {
        Map<Long, ProjectEventCounts.Counts> byProject = counts.forOrganization(organization.id());
        List<ProjectRow> rows = projects.listForOrganization(organization.id()).stream().map(project -> {
            ProjectEventCounts.Counts count = byProject.getOrDefault(project.id(), new ProjectEventCounts.Counts(0, 0));
            return new ProjectRow(project, count.events(), count.unresolvedIssues());
        }).toList();
        return new OrganizationProjects(organization, rows);
    }
}
