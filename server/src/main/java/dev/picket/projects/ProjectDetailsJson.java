package dev.picket.projects;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.picket.accounts.OrganizationJson;
import dev.picket.processing.scrub.ScrubbingConfig;
import java.time.Instant;
import java.util.List;

/**
 * One project as Sentry's project details show it: the list fields plus its data scrubbing
 * settings under Sentry's names ({@code scrubEmails} and {@code customScrubPatterns} are Picket's),
 * and the days its data is kept ({@code retentionDays}, Picket's).
 */
record ProjectDetailsJson(String id, String slug, String name, String platform, Instant dateCreated,
                          OrganizationJson organization, ProjectJson.TeamJson team, List<ProjectJson.TeamJson> teams,
                          boolean dataScrubber, boolean dataScrubberDefaults,
                          @JsonProperty("scrubIPAddresses") boolean scrubIPAddresses, boolean scrubEmails,
                          List<String> sensitiveFields, List<String> safeFields, List<String> customScrubPatterns,
                          int retentionDays) {

    static ProjectDetailsJson of(ProjectJson project, ScrubbingConfig scrubbing, int retentionDays) {
        return new ProjectDetailsJson(project.id(), project.slug(), project.name(), project.platform(),
                project.dateCreated(), project.organization(), project.team(), project.teams(), scrubbing.enabled(),
                scrubbing.scrubDefaults(), scrubbing.scrubIpAddresses(), scrubbing.scrubEmails(),
                scrubbing.sensitiveFields(), scrubbing.safeFields(), scrubbing.customPatterns(), retentionDays);
    }
}
