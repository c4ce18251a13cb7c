package dev.picket.accounts;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Resolves the signed-in user and their membership, for the accounts pages and the pages of the
 * other features. An organization they are not a member of is "not found", exactly like one that
 * does not exist.
 */
@Component
public class AccountPageAccess {

    private final Users users;
    private final Memberships memberships;

    AccountPageAccess(Users users, Memberships memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    public User user(Principal principal) {
        // A session can outlive its user only if the row was deleted; treat that as signed out.
        return users.findByEmail(principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    public Membership membership(Principal principal, String organizationSlug) {
        return memberships.find(user(principal), organizationSlug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
