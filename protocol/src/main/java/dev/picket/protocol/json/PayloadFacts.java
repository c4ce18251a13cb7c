package dev.picket.protocol.json;

/**
 * What ingestion needs from a JSON payload before it is stored.
 *
 * @param eventId the top-level {@code event_id}, normalized to 32 lower-case hex digits, or null
 * @param type    the top-level {@code type} string (e.g. {@code transaction}), or null
 */
public record PayloadFacts(String eventId, String type) {
}
