package dev.picket.traces;

import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.projects.ProjectAccess;
import dev.picket.projects.ProjectAccess.MemberProject;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the trace, performance and function pages may show the signed-in user: as on the other
 * pages, another organization's trace or project is "not found", exactly like one that does not exist.
 */
@Component
class TracePageAccess {

    private final Users users;
    private final Organizations organizations;
    private final ProjectAccess projects;

    TracePageAccess(Users users, Organizations organizations, ProjectAccess projects) {
        this.users = users;
        this.organizations = organizations;
        this.projects = projects;
    }

    Organization organization(Principal principal, String organizationSlug) {
        return organizations.findForMember(user(principal).id(), organizationSlug)
                .orElseThrow(TracePageAccess::notFound);
    }

    MemberProject project(Principal principal, String organizationSlug, String projectSlug) {
        return projects.forMember(user(principal).id(), organizationSlug, projectSlug)
                .orElseThrow(TracePageAccess::notFound);
    }

    private User user(Principal principal) {
        // A session can outlive its user only if the row was deleted; treat that as signed out.
        return users.findByEmail(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
