package dev.picket.processing.normalize;

/**
 * What the ingest side knows about an event that the event itself does not carry.
 *
 * @param itemType         the envelope item type: {@code "event"}, {@code "transaction"} or {@code "feedback"}
 * @param receivedAtMillis when the server received the event; fills a missing timestamp and anchors clock-drift checks
 * @param clientIp         the sender's address, substituted for {@code {{auto}}}; null when unknown
 */
public record NormalizeContext(String itemType, long receivedAtMillis, String clientIp) {
}
