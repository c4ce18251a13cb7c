package dev.picket.issues;

import java.util.List;

/**
 * A newly stored event of an issue, as it counts for that issue.
 *
 * @param timestamp when it happened, epoch milliseconds
 * @param userKey   its user ({@code id:…}, {@code email:…}, …), or null when it had none
 */
public record Occurrence(long timestamp, String level, String title, String culprit, IssueMetadata metadata,
                         String release, String environment, String userKey, List<EventTag> tags) {

    public Occurrence {
        tags = List.copyOf(tags);
    }
}
