package dev.picket.processing.normalize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Null-safe reads of an untrusted JSON tree: every accessor answers null instead of failing on a wrong shape. */
final class Nodes {

    private Nodes() {
    }

    static ObjectNode object(JsonNode parent, String name) {
        return parent != null && parent.get(name) instanceof ObjectNode object ? object : null;
    }

    static ArrayNode array(JsonNode parent, String name) {
        return parent != null && parent.get(name) instanceof ArrayNode array ? array : null;
    }

    /** A string property; numbers and booleans are not strings here. Empty strings count as absent. */
    static String string(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode value = parent.get(name);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    static boolean isTrue(JsonNode parent, String name) {
        return parent != null && parent.get(name) != null && parent.get(name).isBoolean() && parent.get(name).booleanValue();
    }

    /** The values list of an interface normalized to {@code {"values": [...]}}, or null. */
    static ArrayNode values(ObjectNode event, String name) {
        return array(object(event, name), "values");
    }

    static ObjectNode last(ArrayNode array) {
        if (array == null) {
            return null;
        }
        for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i) instanceof ObjectNode object) {
                return object;
            }
        }
        return null;
    }
}
