package dev.picket.accounts;

import java.util.Locale;

/** A member's role in an organization; stored lower-case, as Sentry names them. */
public enum OrganizationRole {
    OWNER, ADMIN, MEMBER;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role stored as {@code value}. */
    static OrganizationRole fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The role a form names ({@code owner}, {@code admin} or {@code member}).
     *
     * @throws AccountRuleException when it names none
     */
    public static OrganizationRole parse(String value) {
        for (OrganizationRole role : values()) {
            if (role.dbValue().equals(value)) {
                return role;
            }
        }
        throw new AccountRuleException("Choose a role: owner, admin or member.");
    }

    /** For pages: "owner", "admin", "member". */
    public String label() {
        return dbValue();
    }

    /** Owners and admins manage teams, members, invitations, projects and alert rules. */
    public boolean manages() {
        return this != MEMBER;
    }
}
