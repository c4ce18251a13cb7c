package dev.picket.inbox;

/**
 * What ingestion accepted in one request.
 *
 * @param projectId  the project it was sent to
 * @param eventId    the event id of the envelope (32 lower-case hex digits), or null for envelopes
 *                   without one (sessions, client reports)
 * @param receivedAt when ingestion received it, epoch milliseconds
 * @param envelope   the envelope, decompressed, as the SDK sent it (store requests are wrapped in
 *                   an envelope of one item): its first {@code length} bytes, so that a request's
 *                   read buffer is stored without copying it to size
 * @param length     how many bytes of {@code envelope} the envelope is
 */
public record InboxEntry(long projectId, String eventId, long receivedAt, byte[] envelope, int length) {

    public InboxEntry {
        if (length < 0 || length > envelope.length) {
            throw new IllegalArgumentException("length " + length + " is outside an array of " + envelope.length);
        }
    }

    /** An entry of the whole of {@code envelope}. */
    public InboxEntry(long projectId, String eventId, long receivedAt, byte[] envelope) {
        this(projectId, eventId, receivedAt, envelope, envelope.length);
    }
}
