package dev.picket.projects;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.api.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Resolves organizations and projects for a user, for the API and the pages alike. Anything the
 * user is not a member of is "not found", exactly like what does not exist.
 */
@Component
public class ProjectAccess {

    private final Organizations organizations;
    private final Projects projects;

    ProjectAccess(Organizations organizations, Projects projects) {
        this.organizations = organizations;
        this.projects = projects;
    }

    /** A project and the organization it belongs to, which the user is a member of. */
    public record MemberProject(Organization organization, Project project) {
    }

    public Optional<MemberProject> forMember(long userId, String organizationSlug, String projectSlug) {
        return organizations.findForMember(userId, organizationSlug)
                .flatMap(organization -> projects.findBySlug(organization.id(), projectSlug)
                        .map(project -> new MemberProject(organization, project)));
    }

    public Optional<MemberProject> forMember(long userId, long projectId) {
        return projects.findById(projectId).flatMap(project -> organizations.findById(project.organizationId())
                .flatMap(organization -> organizations.findForMember(userId, organization.slug()))
                .map(organization -> new MemberProject(organization, project)));
    }

    public Organization organization(ApiUser user, String organizationSlug) {
        return organizations.findForMember(user.userId(), organizationSlug).orElseThrow(ApiException::notFound);
    }

    public Project project(ApiUser user, String organizationSlug, String projectSlug) {
        return forMember(user.userId(), organizationSlug, projectSlug).orElseThrow(ApiException::notFound).project();
    }
}
