package dev.picket.protocol.envelope;

/**
 * The first line of an envelope. Only the fields ingestion needs are read; the raw JSON is kept
 * so the envelope can be written back unchanged.
 *
 * @param eventId the {@code event_id}, lower-case 32 hex digits without dashes, or null
 * @param dsn     the {@code dsn} the SDK sent with, or null
 * @param sentAt  the {@code sent_at} timestamp as sent, or null
 * @param json    the header line as sent
 */
public record EnvelopeHeader(String eventId, String dsn, String sentAt, byte[] json) {
}
