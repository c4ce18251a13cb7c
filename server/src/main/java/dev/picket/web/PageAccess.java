package dev.picket.web;

import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.issues.Issue;
import dev.picket.issues.Issues;
import dev.picket.projects.Project;
import dev.picket.projects.Projects;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Resolves what a page shows for the signed-in user. Whatever belongs to an organization they are
 * not a member of is "not found", exactly like what does not exist, so pages reveal nothing of it.
 */
@Component
class PageAccess {

    private final Users users;
    private final Organizations organizations;
    private final Projects projects;
    private final Issues issues;

    PageAccess(Users users, Organizations organizations, Projects projects, Issues issues) {
        this.users = users;
        this.organizations = organizations;
        this.projects = projects;
        this.issues = issues;
    }

    /** A project and the organization it belongs to. */
    record ProjectScope(Organization organization, Project project) {
    }

    record IssueScope(Organization organization, Project project, Issue issue) {
    }

    User user(Principal principal) {
        // A session can outlive its user only if the row was deleted; treat that as signed out.
        return users.findByEmail(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    ProjectScope project(Principal principal, String organizationSlug, String projectSlug) {
        Organization organization = organizations.findForMember(user(principal).id(), organizationSlug)
                .orElseThrow(PageAccess::notFound);
        Project project = projects.findBySlug(organization.id(), projectSlug).orElseThrow(PageAccess::notFound);
        return new ProjectScope(organization, project);
    }

    IssueScope issue(Principal principal, long issueId) {
        Issue issue = issues.find(issueId).orElseThrow(PageAccess::notFound);
        Project project = projects.findById(issue.projectId()).orElseThrow(PageAccess::notFound);
        Organization organization = organizations.findById(project.organizationId())
                .flatMap(org -> organizations.findForMember(user(principal).id(), org.slug()))
                .orElseThrow(PageAccess::notFound);
        return new IssueScope(organization, project, issue);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
