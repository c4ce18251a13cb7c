package dev.picket.processing.normalize;

import java.util.List;

/**
 * The normalized event's searchable and displayed values, so that callers need not walk the tree.
 *
 * @param type    Sentry's event type: {@code error}, {@code default}, {@code transaction}, {@code csp},
 *                {@code hpkp}, {@code expectct}, {@code expectstaple}, {@code feedback}
 * @param message the formatted log entry, or null
 * @param user    null when the event names no user
 * @param tags    the event's tags plus the ones Sentry derives, deduplicated and within Sentry's limits
 */
public record EventFacts(
        String eventId,
        String type,
        long timestampMillis,
        String platform,
        String level,
        String release,
        String environment,
        String transaction,
        String culprit,
        String title,
        String message,
        String logger,
        String serverName,
        EventMetadata metadata,
        UserIdentity user,
        String traceId,
        String spanId,
        String sdkName,
        String sdkVersion,
        List<Tag> tags) {

    public EventFacts {
        tags = List.copyOf(tags);
    }

    /** The value of the first tag with this key, or null. */
    public String tag(String key) {
        for (Tag tag : tags) {
            if (tag.key().equals(key)) {
                return tag.value();
            }
        }
        return null;
    }
}
