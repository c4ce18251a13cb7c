package dev.picket.accounts;

/** A user's membership of an organization: who acts on it, and with which role. */
public record Membership(Organization organization, User user, OrganizationRole role) {

    public boolean manages() {
        return role.manages();
    }

    public boolean owns() {
        return role == OrganizationRole.OWNER;
    }
}
