package dev.picket.processing.normalize;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Brings fields that SDKs send in several shapes into the one shape the rest of normalization reads. */
final class Shapes {

    private Shapes() {
    }

    /**
     * {@code exception}, {@code breadcrumbs} and {@code threads} may be a list, {@code {"values": [...]}}
     * or a single item; all become {@code {"values": [...]}}. Null or empty ones are removed.
     */
    static void values(ObjectNode event, String name, Problems problems) {
        JsonNode value = event.get(name);
        if (value == null) {
            return;
        }
        if (value.isNull()) {
            event.remove(name);
            return;
        }
        ArrayNode items;
        if (value instanceof ArrayNode array) {
            items = array;
            event.putObject(name).set("values", items);
        } else if (value instanceof ObjectNode object && object.has("values")) {
            JsonNode inner = object.get("values");
            if (inner instanceof ArrayNode array) {
                items = array;
            } else {
                object.remove("values");
                if (!inner.isNull()) {
                    problems.invalid(List.of(name, "values"), "expected an array", inner);
                }
                items = object.putArray("values");
            }
        } else if (value instanceof ObjectNode object && !object.isEmpty()) {
            ObjectNode wrapper = event.putObject(name);
            items = wrapper.putArray("values");
            items.add(object);
        } else {
            event.remove(name);
            if (!(value instanceof ObjectNode)) {
                problems.invalid(List.of(name), "expected a list or an object with values", value);
            }
            return;
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            JsonNode item = items.get(i);
            if (!(item instanceof ObjectNode)) {
                items.remove(i);
                if (!item.isNull()) {
                    problems.invalid(List.of(name, "values", String.valueOf(i)), "expected an object", item);
                }
            }
        }
        if (items.isEmpty()) {
            event.remove(name);
        }
    }

    /** An interface that must be an object: anything else is dropped with an error. */
    static ObjectNode object(ObjectNode parent, String name, List<String> path, Problems problems) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        parent.remove(name);
        if (!value.isNull()) {
            problems.invalid(path, "expected an object", value);
        }
        return null;
    }
}
