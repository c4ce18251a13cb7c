package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lenient reads from the event tree: a missing or mistyped field reads as absent, never as an error. */
final class Json {

    private Json() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String key : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(key);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    /** The string at the path; numbers and booleans are given as text like Sentry's normalizer does. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return null;
    }

    static boolean isTrue(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** The non-null object elements of the array at the path. */
    static List<JsonNode> objects(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode element : value.values()) {
                if (element != null && element.isObject()) {
                    out.add(element);
                }
            }
        }
        return out;
    }

    /** A tag's value; SDKs send tags as an object, normalized events as a list of pairs. */
    static String tag(JsonNode event, String name) {
        JsonNode tags = at(event, "tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode pair : tags.values()) {
                if (pair.isArray() && pair.size() == 2 && pair.get(0).isString() && name.equals(pair.get(0).stringValue()) && !pair.get(1).isNull()) {
                    return pair.get(1).asString();
                }
            }
            return null;
        }
        return tags != null && tags.isObject() ? text(tags, name) : null;
    }

    /** The values of an interface that may be sent as {@code {"values": [...]}} or as a bare array. */
    static List<JsonNode> interfaceValues(JsonNode event, String name) {
        JsonNode value = at(event, name);
        if (value == null) {
            return List.of();
        }
        if (value.isArray()) {
            return objects(event, name);
        }
        if (value.isObject() && !value.has("values")) {
            return List.of(value); // a single value sent without the list around it
        }
        return objects(value, "values");
    }
}
