package dev.picket.issues;

/**
 * A stored event with its payload.
 *
 * @param json the normalized and scrubbed event, JSON in UTF-8
 */
public record StoredEvent(EventSummary summary, byte[] json) {
}
