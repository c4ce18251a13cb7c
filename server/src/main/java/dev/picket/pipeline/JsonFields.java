package dev.picket.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Reads the loosely typed fields of SDK payloads that are not events (spans, sessions, check-ins). */
final class JsonFields {

    private JsonFields() {
    }

    /** The text at {@code path} (field names), or null when absent or not text. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(name);
        }
        return current == null || current.isNull() ? null : current;
    }

    static long longValue(JsonNode node, String field, long fallback) {
        JsonNode value = at(node, field);
        return value != null && value.isNumber() ? value.longValue() : fallback;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = at(node, field);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** A number of seconds as a double, or null. */
    static Double seconds(JsonNode node, String field) {
        JsonNode value = at(node, field);
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }

    /**
     * A timestamp as SDKs send it, seconds since the epoch (a fraction allowed) or RFC 3339 text, in
     * epoch milliseconds; {@code fallback} when absent or unreadable.
     */
    static long millis(JsonNode node, String field, long fallback) {
        JsonNode value = at(node, field);
        if (value == null) {
            return fallback;
        }
        if (value.isNumber()) {
            return new BigDecimal(value.asString()).movePointRight(3).longValue();
        }
        if (value.isString()) {
            try {
                return OffsetDateTime.parse(value.stringValue()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value.stringValue() + "Z").toEpochMilli();
                } catch (DateTimeParseException notUtcEither) {
                    return fallback;
                }
            }
        }
        return fallback;
    }
}
