package dev.picket.processing.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event's tags: the SDK's (an object or a list of pairs) checked like Relay does, plus those Sentry
 * derives from the event. Written back as Relay's list of {@code [key, value]} pairs.
 *
 * <p>Relay also drops an SDK's {@code function} tag, reserving it; Picket keeps it when no serverless
 * context names the function, since function handlers set it to say which function failed.
 */
final class EventTags {

    static final int MAX_KEY_CHARS = 200;
    static final int MAX_VALUE_CHARS = 200;
    private static final Set<String> RESERVED = Set.of("release", "dist", "user", "filename");

    private final Map<String, String> tags = new LinkedHashMap<>();

    private EventTags() {
    }

    /** Reads the SDK's tags; an {@code environment} tag fills a missing environment and is removed. */
    static EventTags read(ObjectNode event, Problems problems) {
        EventTags result = new EventTags();
        JsonNode node = event.remove("tags");
        List<String> path = List.of("tags");
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                result.addGiven(entry.getKey(), entry.getValue(), Paths.child(path, entry.getKey()), problems);
            }
        } else if (node instanceof ArrayNode pairs) {
            for (int i = 0; i < pairs.size(); i++) {
                JsonNode pair = pairs.get(i);
                List<String> pairPath = Paths.child(path, String.valueOf(i));
                if (pair instanceof ArrayNode entry && entry.size() == 2 && entry.get(0).isString()) {
                    result.addGiven(entry.get(0).stringValue(), entry.get(1), pairPath, problems);
                } else if (!pair.isNull()) {
                    problems.invalid(pairPath, "expected a tuple", pair);
                }
            }
        } else if (node != null && !node.isNull()) {
            problems.invalid(path, "expected tags", node);
        }
        return result;
    }

    private void addGiven(String rawKey, JsonNode rawValue, List<String> path, Problems problems) {
        if (rawValue == null || rawValue.isNull()) {
            return;
        }
        if (!rawValue.isValueNode()) {
            problems.invalid(path, "expected a string", rawValue);
            return;
        }
        String key = rawKey.strip();
        String value = rawValue.asString().strip();
        if (RESERVED.contains(key) || tags.containsKey(key)) {
            return;
        }
        if (key.isEmpty() || value.isEmpty()) {
            problems.invalid(path, "expected a non-empty value", rawValue);
        } else if (key.codePointCount(0, key.length()) > MAX_KEY_CHARS || value.codePointCount(0, value.length()) > MAX_VALUE_CHARS) {
            problems.removed(path, "value_too_long", rawValue);
        } else {
            tags.put(key, value);
        }
    }

    String remove(String key) {
        return tags.remove(key);
    }

    boolean has(String key) {
        return tags.containsKey(key);
    }

    /**
     * Sets a derived tag, replacing the SDK's value as Sentry does. Derived tags go after the SDK's in the
     * order they are derived, so normalizing again gives the same list. Values Sentry would refuse (empty,
     * too long, multi-line) are skipped.
     */
    void derive(String key, String value) {
        if (value == null) {
            return;
        }
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_VALUE_CHARS
                || stripped.indexOf('\n') >= 0 || stripped.indexOf('\r') >= 0) {
            return;
        }
        tags.remove(key);
        tags.put(key, stripped);
    }

    List<Tag> list() {
        List<Tag> list = new ArrayList<>(tags.size());
        tags.forEach((key, value) -> list.add(new Tag(key, value)));
        return list;
    }

    void writeTo(ObjectNode event) {
        if (tags.isEmpty()) {
            return;
        }
        ArrayNode pairs = event.putArray("tags");
        tags.forEach((key, value) -> pairs.addArray().add(key).add(value));
    }
}
