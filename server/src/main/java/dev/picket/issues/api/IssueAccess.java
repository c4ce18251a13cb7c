package dev.picket.issues.api;

import dev.picket.accounts.ApiUser;
import dev.picket.api.ApiException;
import dev.picket.issues.Issue;
import dev.picket.issues.Issues;
import dev.picket.projects.ProjectAccess;
import dev.picket.projects.ProjectAccess.MemberProject;
import org.springframework.stereotype.Component;

/**
 * Resolves the project or issue of an API request for its user. What the user may not see is "not
 * found", exactly like what does not exist.
 */
@Component
class IssueAccess {

    private final ProjectAccess projects;
    private final Issues issues;

    IssueAccess(ProjectAccess projects, Issues issues) {
        this.projects = projects;
        this.issues = issues;
    }

    MemberProject project(ApiUser user, String organizationSlug, String projectSlug) {
        return projects.forMember(user.userId(), organizationSlug, projectSlug).orElseThrow(ApiException::notFound);
    }

    MemberProject projectOf(ApiUser user, long projectId) {
        return projects.forMember(user.userId(), projectId).orElseThrow(ApiException::notFound);
    }

    Issue issue(ApiUser user, long issueId) {
        Issue issue = issues.find(issueId).orElseThrow(ApiException::notFound);
        projectOf(user, issue.projectId());
        return issue;
    }
}
