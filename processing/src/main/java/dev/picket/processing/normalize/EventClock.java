package dev.picket.processing.normalize;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event's timestamps, after Relay: all become float seconds; a missing or unreadable timestamp is
 * the receive time; one more than a minute in the future or more than 30 days in the past is treated as
 * clock drift — every timestamp of the event moves by the same amount so the event's timestamp becomes the
 * receive time and durations and breadcrumb order survive — and an error records what the SDK sent.
 */
final class EventClock {

    static final long MAX_MICROS_IN_FUTURE = 60L * 1_000_000;
    static final long MAX_MICROS_IN_PAST = 30L * 24 * 3600 * 1_000_000;

    private EventClock() {
    }

    /** Normalizes the timestamps and returns the event's timestamp in microseconds. */
    static long apply(ObjectNode event, long receivedAtMillis, Problems problems) {
        long received = receivedAtMillis * 1000;
        event.put("received", Timestamps.seconds(received));
        Long sent = read(event, "timestamp", List.of("timestamp"), problems);
        Long start = read(event, "start_timestamp", List.of("start_timestamp"), problems);
        readAll(Nodes.values(event, "breadcrumbs"), "breadcrumbs", problems);
        readAll(Nodes.array(event, "spans"), "spans", problems);

        if (sent == null) {
            event.put("timestamp", Timestamps.seconds(received));
            return received;
        }
        String drift = sent > received + MAX_MICROS_IN_FUTURE ? "future_timestamp"
                : sent < received - MAX_MICROS_IN_PAST ? "past_timestamp" : null;
        if (drift == null) {
            return sent;
        }
        long shift = received - sent;
        event.put("timestamp", Timestamps.seconds(received));
        if (start != null) {
            event.put("start_timestamp", Timestamps.seconds(start + shift));
        }
        shiftAll(Nodes.values(event, "breadcrumbs"), shift);
        shiftAll(Nodes.array(event, "spans"), shift);
        problems.eventError(event.objectNode().put("type", drift).put("name", "timestamp")
                .put("sent_at", Timestamps.iso(sent)));
        return received;
    }

    private static Long read(ObjectNode node, String name, List<String> path, Problems problems) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        Long micros = Timestamps.micros(value);
        if (micros == null) {
            node.remove(name);
            if (!value.isNull()) {
                problems.invalid(path, "expected a timestamp", value);
            }
            return null;
        }
        node.put(name, Timestamps.seconds(micros));
        return micros;
    }

    private static void readAll(ArrayNode items, String name, Problems problems) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                String index = String.valueOf(i);
                List<String> prefix = name.equals("breadcrumbs") ? List.of(name, "values", index) : List.of(name, index);
                read(item, "timestamp", Paths.child(prefix, "timestamp"), problems);
                read(item, "start_timestamp", Paths.child(prefix, "start_timestamp"), problems);
            }
        }
    }

    private static void shiftAll(ArrayNode items, long shift) {
        if (items == null) {
            return;
        }
        for (JsonNode item : items) {
            if (item instanceof ObjectNode object) {
                shift(object, "timestamp", shift);
                shift(object, "start_timestamp", shift);
            }
        }
    }

    private static void shift(ObjectNode node, String name, long shift) {
        Long micros = Timestamps.micros(node.get(name));
        if (micros != null) {
            node.put(name, Timestamps.seconds(micros + shift));
        }
    }
}
