package dev.picket.pipeline;

/**
 * An event ready for the {@code events} table.
 *
 * @param compressedPayload the item's JSON, zstd-compressed
 */
record EventRow(long projectId, String eventId, EventType type, long receivedAt, byte[] compressedPayload) {
}
