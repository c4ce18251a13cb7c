package dev.picket.accounts;

import java.time.Instant;

/** An invitation to join an organization with a role, sent to an e-mail address. */
public record Invitation(long id, long organizationId, String email, OrganizationRole role, Instant created,
                         Instant expires) {
}
