package dev.picket.issues;

/**
 * What an issue's title is made of, as Sentry's issue metadata: the exception type and value, or
 * the message as title, and where it happened.
 */
public record IssueMetadata(String type, String value, String filename, String function, String title) {
}
