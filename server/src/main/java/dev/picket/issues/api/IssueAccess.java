package dev.picket.issues.api;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.api.ApiException;
import dev.picket.issues.Issue;
import dev.picket.issues.Issues;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess;
import dev.picket.projects.Projects;
import org.springframework.stereotype.Component;

/**
 * Resolves the project or issue of an API request for its user. What the user may not see is "not
 * found", exactly like what does not exist.
 */
@Component
class IssueAccess {

    private final Organizations organizations;
    private final Projects projects;
    private final ProjectAccess projectAccess;
    private final Issues issues;

    IssueAccess(Organizations organizations, Projects projects, ProjectAccess projectAccess, Issues issues) {
        this.organizations = organizations;
        this.projects = projects;
        this.projectAccess = projectAccess;
        this.issues = issues;
    }

    /** A project and the organization it belongs to. */
    record Scope(Organization organization, Project project) {
    }

    Scope project(ApiUser user, String organizationSlug, String projectSlug) {
        return new Scope(projectAccess.organization(user, organizationSlug),
                projectAccess.project(user, organizationSlug, projectSlug));
    }

    Scope projectOf(ApiUser user, long projectId) {
        Project project = projects.findById(projectId).orElseThrow(ApiException::notFound);
        Organization organization = organizations.findById(project.organizationId())
                .flatMap(org -> organizations.findForMember(user.userId(), org.slug()))
                .orElseThrow(ApiException::notFound);
        return new Scope(organization, project);
    }

    Issue issue(ApiUser user, long issueId) {
        Issue issue = issues.find(issueId).orElseThrow(ApiException::notFound);
        projectOf(user, issue.projectId());
        return issue;
    }
}
