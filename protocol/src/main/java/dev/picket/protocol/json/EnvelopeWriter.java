package dev.picket.protocol.json;

import dev.picket.protocol.envelope.EventIds;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.io.JsonStringEncoder;

/** Writes envelopes, so that payloads arriving any other way (the store endpoint) are kept in one format. */
public final class EnvelopeWriter {

    private static final byte[] EMPTY_HEADER = "{}\n".getBytes(StandardCharsets.UTF_8);

    private EnvelopeWriter() {
    }

    /**
     * An envelope with one item: {@code {"event_id":"…"}\n{"type":"…","length":N}\n<payload>\n}.
     * The payload is length-prefixed, so it may contain newlines.
     *
     * @param eventId the envelope's event id (normalized), or null for a header of {@code {}}
     * @throws IllegalArgumentException when {@code eventId} is not an event id
     */
    public static byte[] single(String eventId, String itemType, byte[] payload, int offset, int length) {
        byte[] header = eventId == null
                ? EMPTY_HEADER
                : ("{\"event_id\":\"" + EventIds.normalize(eventId) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        byte[] itemHeader = ("{\"type\":\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(itemType))
                + "\",\"length\":" + length + "}\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[header.length + itemHeader.length + length + 1];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(itemHeader, 0, out, header.length, itemHeader.length);
        System.arraycopy(payload, offset, out, header.length + itemHeader.length, length);
        out[out.length - 1] = '\n';
        return out;
    }
}
