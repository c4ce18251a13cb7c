package dev.picket.issues;

import java.util.List;

/**
 * What an issue is created from: its first event.
 *
 * @param hashes    the event's grouping hashes, primary first
 * @param timestamp when the event happened, epoch milliseconds
 */
public record NewIssue(long projectId, List<String> hashes, String type, String title, String culprit, String level,
                       String platform, IssueMetadata metadata, long timestamp, String release) {

    public NewIssue {
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("an issue needs at least one grouping hash");
        }
    }
}
