package dev.picket.protocol.json;

import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EventIds;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks JSON payloads at ingestion without building a tree: a payload is stored only if it is
 * exactly one JSON object in well-formed UTF-8, nested no deeper than the limit. One pass checks
 * the UTF-8 (Jackson does not fully), one streaming parse checks the rest.
 * Thread-safe.
 */
public final class JsonPayloads {

    private final JsonFactory factory;

    public JsonPayloads(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1");
        }
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
    }

    /** The factory with this depth limit, for every other JSON reader at ingestion (the envelope reader). */
    public JsonFactory factory() {
        return factory;
    }

    /**
     * @param what names the payload in error messages, e.g. {@code item 0 (event)}
     * @throws EnvelopeParseException when the slice is not one valid JSON object, or its event_id is invalid
     */
    public PayloadFacts inspect(byte[] source, int offset, int length, String what) throws EnvelopeParseException {
        int invalid = Utf8.firstInvalid(source, offset, offset + length);
        if (invalid >= 0) {
            throw new EnvelopeParseException(what + ": payload is not valid UTF-8: byte 0x"
                    + Integer.toHexString(source[invalid] & 0xFF) + " at offset " + (invalid - offset)
                    + lineAndColumn(source, offset, invalid));
        }
        String eventId = null;
        String type = null;
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), source, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new EnvelopeParseException(what + ": payload is empty, expected a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new EnvelopeParseException(what + ": payload is not a JSON object" + at(p.currentTokenLocation()));
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("event_id") && eventId == null) {
                    eventId = eventId(p, value, what);
                } else if (name.equals("type") && type == null && value == JsonToken.VALUE_STRING) {
                    type = p.getString();
                } else {
                    // Skipping still tokenizes every byte, so nested syntax and depth are checked.
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new EnvelopeParseException(what + ": payload has more than one JSON value" + at(p.currentTokenLocation()));
            }
        } catch (JacksonException e) {
            throw new EnvelopeParseException(what + ": payload is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        }
        return new PayloadFacts(eventId, type);
    }

    private static String eventId(JsonParser p, JsonToken value, String what) throws EnvelopeParseException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new EnvelopeParseException(what + ": event_id must be a string" + at(p.currentTokenLocation()));
        }
        try {
            return EventIds.normalize(p.getString());
        } catch (IllegalArgumentException e) {
            throw new EnvelopeParseException(what + ": " + e.getMessage() + at(p.currentTokenLocation()), e);
        }
    }

    /** Counted in bytes here, since the text cannot be decoded. */
    private static String lineAndColumn(byte[] source, int offset, int position) {
        int line = 1;
        int lineStart = offset;
        for (int i = offset; i < position; i++) {
            if (source[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " (line " + line + ", byte " + (position - lineStart + 1) + " of the line)";
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
