package dev.picket.web;

import dev.picket.accounts.Organization;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
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
 * Resolves what a page shows for the signed-in user. Whatever belongs to an organization they are
 * not a member of is "not found", exactly like what does not exist, so pages reveal nothing of it.
 */
@Component
class PageAccess {

    private final Users users;
    private final ProjectAccess projects;
    private final Issues issues;

    PageAccess(Users users, ProjectAccess projects, Issues issues) {
        this.users = users;
        this.projects = projects;
        this.issues = issues;
    }

    record IssueScope(Organization organization, Project project, Issue issue) {
    }

    User user(Principal principal) {
        // A session can outlive its user only if the row was deleted; treat that as signed out.
        return users.findByEmail(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    MemberProject project(Principal principal, String organizationSlug, String projectSlug) {
        return projects.forMember(user(principal).id(), organizationSlug, projectSlug).orElseThrow(PageAccess::notFound);
    }

    IssueScope issue(Principal principal, long issueId) {
        Issue issue = issues.find(issueId).orElseThrow(PageAccess::notFound);
        MemberProject scope = projects.forMember(user(principal).id(), issue.projectId())
                .orElseThrow(PageAccess::notFound);
        return new IssueScope(scope.organization(), scope.project(), issue);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
