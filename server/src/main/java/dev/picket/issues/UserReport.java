package dev.picket.issues;

import java.time.Instant;

/**
 * What a user wrote about an error: a user report (Sentry's crash report dialog) or user feedback.
 *
 * @param source  {@code user_report} or {@code feedback}
 * @param eventId the event it is about, or null for feedback about no event
 */
public record UserReport(String source, String eventId, String name, String email, String comments, String url,
                         Instant receivedAt) {
}
