package dev.picket.issues;

import java.time.Instant;

/**
 * A stored error event, without its payload.
 *
 * @param issueId   the issue it belongs to
 * @param timestamp when it happened, by the SDK's clock
 * @param userKey   its user as counted for the issue ({@code id:…}, {@code email:…}, …), or null
 */
public record EventSummary(long projectId, String eventId, long issueId, String type, Instant timestamp,
                           Instant receivedAt, String level, String platform, String release, String environment,
                           String transaction, String userKey, String traceId, String spanId, String title,
                           String message) {
}
