package dev.picket.protocol.envelope;

import dev.picket.protocol.LimitExceededException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the Sentry envelope format: a JSON header line, then items, each a JSON header line and a
 * payload that is either {@code length} bytes long or runs to the next newline. Payloads are not
 * copied or parsed here. Thread-safe.
 */
public final class EnvelopeReader {

    private static final byte NEWLINE = '\n';

    private final JsonFactory json;
    private final int maxItems;

    public EnvelopeReader(JsonFactory json, int maxItems) {
        this.json = json;
        this.maxItems = maxItems;
    }

    public Envelope read(byte[] body) throws EnvelopeParseException, LimitExceededException {
        return read(body, body.length);
    }

    /** Reads the first {@code length} bytes of {@code body}. */
    public Envelope read(byte[] body, int length) throws EnvelopeParseException, LimitExceededException {
        if (length < 0 || length > body.length) {
            throw new IllegalArgumentException("length " + length + " is outside the body's " + body.length + " bytes");
        }
        int headerEnd = lineEnd(body, 0, length);
        if (isBlank(body, 0, headerEnd)) {
            throw new EnvelopeParseException("empty envelope: the first line must be the envelope header");
        }
        EnvelopeHeader header = readHeader(body, headerEnd);
        List<EnvelopeItem> items = new ArrayList<>();
        int pos = Math.min(headerEnd + 1, length);
        while (pos < length) {
            int lineEnd = lineEnd(body, pos, length);
            if (isBlank(body, pos, lineEnd)) {
                pos = lineEnd + 1;
                continue;
            }
            if (items.size() == maxItems) {
                throw new LimitExceededException("envelope has more than " + maxItems + " items");
            }
            ItemHeader itemHeader = readItemHeader(body, pos, lineEnd, items.size());
            int payloadStart = Math.min(lineEnd + 1, length);
            int payloadEnd = itemHeader.length >= 0
                    ? lengthDelimitedEnd(body, payloadStart, length, itemHeader, items.size())
                    : lineEnd(body, payloadStart, length);
            int payloadLength = payloadEnd - payloadStart;
            int next = payloadEnd + 1;
            if (payloadEnd < length && body[payloadEnd] == '\r') {
                next++; // CRLF line ends, as tools on Windows write them
            }
            items.add(new EnvelopeItem(itemHeader.type, slice(body, pos, lineEnd), itemHeader.contentType,
                    itemHeader.filename, itemHeader.itemCount, body, payloadStart, payloadLength));
            pos = next;
        }
        return new Envelope(header, items);
    }

    /**
     * Where a payload with a {@code length} header ends. A JSON payload whose length is not followed
     * by a newline runs to the next newline instead: sentry-python 1.9.10 sends transactions whose
     * declared length is short of the payload, and a compact JSON document is one line.
     */
    private static int lengthDelimitedEnd(byte[] body, int payloadStart, int length, ItemHeader header, int index)
            throws EnvelopeParseException {
        int remaining = length - payloadStart;
        if (header.length > remaining) {
            throw new EnvelopeParseException("item " + index + " (" + header.type + "): length " + header.length
                    + " exceeds the " + remaining + " bytes left");
        }
        int end = payloadStart + header.length;
        if (end == length || body[end] == NEWLINE || (body[end] == '\r' && end + 1 < length && body[end + 1] == NEWLINE)) {
            return end;
        }
        if (ItemType.of(header.type).isJson()) {
            return lineEnd(body, payloadStart, length);
        }
        throw new EnvelopeParseException("item " + index + " (" + header.type + "): expected a newline after its "
                + header.length + " bytes of payload");
    }

    private EnvelopeHeader readHeader(byte[] body, int end) throws EnvelopeParseException {
        String eventId = null;
        String dsn = null;
        String sentAt = null;
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), body, 0, end)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EnvelopeParseException("envelope header is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "event_id" -> eventId = eventId(p, value);
                    case "dsn" -> dsn = stringOrNull(p, value);
                    case "sent_at" -> sentAt = stringOrNull(p, value);
                    default -> p.skipChildren();
                }
            }
            requireEnd(p, t, "envelope header");
        } catch (JacksonException e) {
            throw new EnvelopeParseException("envelope header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new EnvelopeHeader(eventId, dsn, sentAt, slice(body, 0, end));
    }

    private ItemHeader readItemHeader(byte[] body, int start, int end, int index) throws EnvelopeParseException {
        ItemHeader h = new ItemHeader();
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), body, start, end - start)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EnvelopeParseException("item " + index + ": header is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> h.type = stringOrNull(p, value);
                    case "length" -> h.length = readCount(p, value, index, "length", -1);
                    case "content_type" -> h.contentType = stringOrNull(p, value);
                    case "filename" -> h.filename = stringOrNull(p, value);
                    case "item_count" -> h.itemCount = readCount(p, value, index, "item_count", 0);
                    default -> p.skipChildren();
                }
            }
            requireEnd(p, t, "item " + index + " header");
        } catch (JacksonException e) {
            throw new EnvelopeParseException("item " + index + ": header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (h.type == null || h.type.isEmpty()) {
            throw new EnvelopeParseException("item " + index + ": header has no \"type\"");
        }
        return h;
    }

    /** A non-negative int header field; {@code absent} when it is null. */
    private static int readCount(JsonParser p, JsonToken value, int index, String name, int absent)
            throws EnvelopeParseException {
        if (value == JsonToken.VALUE_NULL) {
            return absent;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
            throw new EnvelopeParseException("item " + index + ": \"" + name + "\" must be a non-negative integer");
        }
        return p.getIntValue();
    }

    private static String eventId(JsonParser p, JsonToken value) throws EnvelopeParseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new EnvelopeParseException("envelope header: event_id must be a string");
        }
        try {
            return EventIds.normalize(p.getString());
        } catch (IllegalArgumentException e) {
            throw new EnvelopeParseException("envelope header: " + e.getMessage(), e);
        }
    }

    /** A string field; any other value is ignored (and skipped whole if it is an object or array). */
    private static String stringOrNull(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        p.skipChildren();
        return null;
    }

    private static void requireEnd(JsonParser p, JsonToken last, String what) throws EnvelopeParseException {
        if (last != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw new EnvelopeParseException(what + " is not a single JSON object");
        }
    }

    private static int lineEnd(byte[] body, int from, int length) {
        for (int i = from; i < length; i++) {
            if (body[i] == NEWLINE) {
                return i;
            }
        }
        return length;
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] body, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(body, from, out, 0, out.length);
        return out;
    }

    /** Mutable while one header line is read. */
    private static final class ItemHeader {
        String type;
        int length = -1;
        String contentType;
        String filename;
        int itemCount;
    }
}
