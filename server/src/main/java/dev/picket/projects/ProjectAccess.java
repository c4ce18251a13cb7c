package dev.picket.projects;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.api.ApiException;
import org.springframework.stereotype.Component;

/**
 * Resolves the organization and project of an API request for its user. Anything the user is not
 * a member of is "not found", exactly like what does not exist.
 */
@Component
public class ProjectAccess {

    private final Organizations organizations;
    private final Projects projects;

    ProjectAccess(Organizations organizations, Projects projects) {
        this.organizations = organizations;
        this.projects = projects;
    }

    public Organization organization(ApiUser user, String organizationSlug) {
        return organizations.findForMember(user.userId(), organizationSlug).orElseThrow(ApiException::notFound);
    }

    public Project project(ApiUser user, String organizationSlug, String projectSlug) {
        Organization organization = organization(user, organizationSlug);
        return projects.findBySlug(organization.id(), projectSlug).orElseThrow(ApiException::notFound);
    }
}
