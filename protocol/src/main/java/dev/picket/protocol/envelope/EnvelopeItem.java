package dev.picket.protocol.envelope;

import java.util.Arrays;

/**
 * One item of an envelope: its header fields and a slice {@code [offset, offset + length)} of
 * {@code source} holding the payload.
 *
 * @param type        the item type as sent ({@code event}, {@code transaction}, ...)
 * @param headerJson  the item header line as sent
 * @param contentType {@code content_type}, or null
 * @param filename    {@code filename} of an attachment, or null
 * @param itemCount   {@code item_count} of a batched item (span, log), or 0 when absent
 */
public record EnvelopeItem(
        String type,
        byte[] headerJson,
        String contentType,
        String filename,
        int itemCount,
        byte[] source,
        int offset,
        int length) {

    public ItemType itemType() {
        return ItemType.of(type);
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return Arrays.copyOfRange(source, offset, offset + length);
    }
}
