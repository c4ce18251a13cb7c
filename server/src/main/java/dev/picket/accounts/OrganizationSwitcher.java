package dev.picket.accounts;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The organizations of the header's switcher. The header is shared by every page, whatever
 * controller renders it, so the template asks this bean rather than each controller filling it in.
 */
@Component("organizationSwitcher")
public class OrganizationSwitcher {

    private final Users users;
    private final Organizations organizations;

    OrganizationSwitcher(Users users, Organizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    /** The organizations of the user signed in as {@code email}, by name; none when nobody is. */
    public List<Organization> organizationsOf(String email) {
        if (email == null) {
            return List.of();
        }
        return users.findByEmail(email).map(user -> organizations.listForMember(user.id())).orElse(List.of());
    }
}
