package dev.picket.processing.normalize;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The event id: a UUID written as 32 lower-case hex digits; a missing or invalid one is replaced by a new one. */
final class EventIds {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{32}");

    private EventIds() {
    }

    static String apply(ObjectNode event, Problems problems) {
        JsonNode node = event.get("event_id");
        String id = null;
        if (node != null && node.isString()) {
            String candidate = node.stringValue().strip().replace("-", "").toLowerCase(Locale.ROOT);
            if (candidate.startsWith("{") && candidate.endsWith("}")) {
                candidate = candidate.substring(1, candidate.length() - 1);
            }
            id = UUID_TEXT.matcher(candidate).matches() ? candidate : null;
        }
        if (id == null) {
            if (node != null && !node.isNull()) {
                problems.invalid(List.of("event_id"), "expected an event id", node);
            }
            id = UUID.randomUUID().toString().replace("-", "");
        }
        event.put("event_id", id);
        return id;
    }
}
