package dev.picket.protocol;

import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;

/**
 * Size limits applied to what SDKs send, before anything is stored.
 *
 * @param maxCompressedBody bytes of a request body as sent (before decompression)
 * @param maxBody           bytes of a request body once decompressed
 * @param maxEventSize      bytes of one JSON item (event, transaction, session, span batch, ...)
 * @param maxAttachmentSize bytes of one attachment, or of an item of a type Picket does not know
 * @param maxItems          items in one envelope
 * @param maxJsonDepth      nesting depth of any JSON document read
 */
public record IngestLimits(
        long maxCompressedBody,
        long maxBody,
        int maxEventSize,
        long maxAttachmentSize,
        int maxItems,
        int maxJsonDepth) {

    private static final int MIB = 1024 * 1024;

    /**
     * Relay's defaults where Relay has one:
     * <ul>
     *   <li>compressed body 20 MiB: Relay's {@code limits.max_api_payload_size};</li>
     *   <li>decompressed body 50 MiB: Relay's {@code limits.max_envelope_size};</li>
     *   <li>JSON item 1 MiB: Relay's {@code limits.max_event_size};</li>
     *   <li>attachment 40 MiB: Relay's {@code limits.max_api_file_upload_size} (Relay allows attachments
     *       up to its envelope size; Picket keeps one attachment below the whole body);</li>
     *   <li>1000 items: Relay has no item count; SDKs send a handful, span and log batches put many
     *       records in one item, so 1000 only stops an envelope made of empty items;</li>
     *   <li>JSON depth 128: the recursion limit of serde_json, which Relay parses with.</li>
     * </ul>
     */
    public static IngestLimits defaults() {
        return new IngestLimits(20L * MIB, 50L * MIB, MIB, 40L * MIB, 1000, 128);
    }

    /** Checks every item's payload size: JSON items against {@link #maxEventSize}, others against {@link #maxAttachmentSize}. */
    public void check(Envelope envelope) throws LimitExceededException {
        for (int i = 0; i < envelope.items().size(); i++) {
            EnvelopeItem item = envelope.items().get(i);
            boolean json = item.itemType().isJson();
            long limit = json ? maxEventSize : maxAttachmentSize;
            if (item.length() > limit) {
                throw new LimitExceededException("item " + i + " (" + item.type() + ") is " + item.length()
                        + " bytes, larger than the " + ByteSizes.describe(limit) + " limit for "
                        + (json ? "JSON items" : "attachments"));
            }
        }
    }
}
