package dev.picket.inbox;

/**
 * What ingestion accepted in one request.
 *
 * @param projectId  the project it was sent to
 * @param eventId    the event id of the envelope (32 lower-case hex digits), or null for envelopes
 *                   without one (sessions, client reports)
 * @param receivedAt when ingestion received it, epoch milliseconds
 * @param envelope   the envelope, decompressed, as the SDK sent it (store requests are wrapped in
 *                   an envelope of one item)
 */
public record InboxEntry(long projectId, String eventId, long receivedAt, byte[] envelope) {
}
