package dev.picket.accounts;

import java.time.Instant;

/** A member as the members page lists them. */
public record Member(long userId, String email, OrganizationRole role, Instant joined) {
}
