package dev.picket.issues;

import java.time.Instant;

/** What a member wrote on an issue. */
public record IssueComment(long id, long issueId, long authorId, String text, Instant createdAt) {
}
