package dev.picket.inbox;

/**
 * An entry as stored in the inbox table.
 *
 * @param id                 its position in the inbox: rows are processed in id order
 * @param projectId          the project it was sent to
 * @param eventId            the event id ingestion gave it, or null
 * @param receivedAt         when ingestion received it, epoch milliseconds
 * @param compressedEnvelope the envelope as stored (zstd)
 */
public record InboxRow(long id, long projectId, String eventId, long receivedAt, byte[] compressedEnvelope) {

    /**
     * The envelope as ingestion appended it.
     *
     * @throws IllegalArgumentException when the stored payload is not a valid zstd frame
     */
    public byte[] envelope() {
        return CompressedPayloads.decompress(compressedEnvelope);
    }

    /**
     * The size of {@link #envelope()}, read from the stored frame; a payload that is no frame
     * counts as its stored size (reading it fails later, setting the row aside).
     */
    public long envelopeSize() {
        try {
            return CompressedPayloads.decompressedSize(compressedEnvelope);
        } catch (IllegalArgumentException e) {
            return compressedEnvelope.length;
        }
    }
}
