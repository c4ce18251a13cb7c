package dev.picket.processing.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads protocol timestamps: seconds since the epoch as a number (or numeric string), or an RFC 3339 /
 * ISO 8601 date-time with or without a zone (no zone means UTC). Everything becomes float seconds with
 * microsecond precision, the form Relay writes.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The timestamp in microseconds since the epoch, or null if it is not a timestamp. */
    static Long micros(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return fromSeconds(node.doubleValue());
        }
        if (!node.isString()) {
            return null;
        }
        String text = node.stringValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return fromSeconds(Double.parseDouble(text));
        } catch (NumberFormatException notANumber) {
            return parseDateTime(text);
        }
    }

    /** Seconds as written into the event: a float with at most six decimals. */
    static double seconds(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    static String iso(long micros) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.EPOCH.plusNanos(micros * 1000));
    }

    private static Long fromSeconds(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0 || seconds > 253402300799d) {
            return null;
        }
        return Math.round(seconds * 1_000_000d);
    }

    private static Long parseDateTime(String text) {
        String normalized = text.replace(' ', 'T');
        try {
            return toMicros(OffsetDateTime.parse(normalized).toInstant());
        } catch (DateTimeParseException noZone) {
            try {
                return toMicros(LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
