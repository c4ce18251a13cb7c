package dev.picket.web;

import dev.picket.accounts.AccountPageAccess;
import dev.picket.accounts.Memberships;
import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.User;
import dev.picket.issues.Issue;
import dev.picket.issues.Issues;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess;
import dev.picket.projects.ProjectAccess.MemberProject;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Resolves what a page shows for the signed-in user, for the pages of every feature. Whatever
 * belongs to an organization they are not a member of is "not found", exactly like what does not
 * exist, so pages reveal nothing of it.
 */
@Component
public class PageAccess {

    private final AccountPageAccess accounts;
    private final Organizations organizations;
    private final Memberships memberships;
    private final ProjectAccess projects;
    private final Issues issues;

    PageAccess(AccountPageAccess accounts, Organizations organizations, Memberships memberships, ProjectAccess projects,
               Issues issues) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.memberships = memberships;
        this.projects = projects;
        this.issues = issues;
    }

    record IssueScope(Organization organization, Project project, Issue issue) {
    }

    public User user(Principal principal) {
        return accounts.user(principal);
    }

    public Organization organization(Principal principal, String organizationSlug) {
        return organizations.findForMember(user(principal).id(), organizationSlug).orElseThrow(PageAccess::notFound);
    }

    /** Whether the signed-in user may change the organization's projects: owners and admins may. */
    public boolean administers(Principal principal, Organization organization) {
        return memberships.role(organization.id(), user(principal).id()).map(OrganizationRole::manages).orElse(false);
    }

    /**
     * For forms that change a project: a member sees the project, so a refusal is no secret, and
     * says so with 403 rather than 404.
     */
    void requireAdministrator(Principal principal, Organization organization) {
        if (!administers(principal, organization)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only owners and admins change projects.");
        }
    }

    public MemberProject project(Principal principal, String organizationSlug, String projectSlug) {
        return projects.forMember(user(principal).id(), organizationSlug, projectSlug).orElseThrow(PageAccess::notFound);
    }

    IssueScope issue(Principal principal, long issueId) {
        Issue issue = issues.find(issueId).orElseThrow(PageAccess::notFound);
        MemberProject scope = projects.forMember(user(principal).id(), issue.projectId())
                .orElseThrow(PageAccess::notFound);
        return new IssueScope(scope.organization(), scope.project(), issue);
    }

    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
