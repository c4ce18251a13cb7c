package dev.picket.protocol.envelope;

import java.util.List;

/**
 * A parsed envelope: its header and items, whose payloads are slices of the body it was read from
 * (no copy until a payload is asked for).
 */
public record Envelope(EnvelopeHeader header, List<EnvelopeItem> items) {

    public Envelope {
        items = List.copyOf(items);
    }
}
