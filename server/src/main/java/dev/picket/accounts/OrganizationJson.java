package dev.picket.accounts;

import java.time.Instant;

/** An organization as Sentry's API shows it (ids are strings there). */
public record OrganizationJson(String id, String slug, String name, Instant dateCreated) {

    public static OrganizationJson of(Organization organization) {
        return new OrganizationJson(Long.toString(organization.id()), organization.slug(), organization.name(),
                organization.dateCreated());
    }
}
