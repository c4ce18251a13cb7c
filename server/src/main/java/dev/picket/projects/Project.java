package dev.picket.projects;

import java.time.Instant;

/**
 * A project: where events of one application go.
 *
 * @param id             the id in the project's DSNs
 * @param organizationId the organization it belongs to
 * @param teamId         the team that owns it
 * @param platform       the SDK platform (for example {@code python}), or null when unknown
 * @param defaultEnvironment the environment its issues list shows unless asked for another, or null for all
 */
public record Project(long id, long organizationId, long teamId, String slug, String name, String platform,
                      Instant dateCreated, String defaultEnvironment) {
}
