package dev.picket.accounts;

import java.util.Locale;

/** A member's role in an organization; stored lower-case, as Sentry names them. */
public enum OrganizationRole {
    OWNER, ADMIN, MEMBER;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
