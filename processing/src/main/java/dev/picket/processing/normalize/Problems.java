package dev.picket.processing.normalize;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What normalization changed or dropped in one event, written back the way Relay does: an entry in the
 * event's {@code errors} list for every dropped value, and {@code _meta} annotations (errors with the
 * original value, trim remarks with the original length) so the UI can explain the change.
 */
final class Problems {

    private record Dropped(List<String> path, String kind, String reason, JsonNode original) {
    }

    private record Trimmed(List<String> path, int keptChars, int limit, int originalLength) {
    }

    private record Shortened(List<String> path, int originalSize) {
    }

    private final List<Shortened> shortened = new ArrayList<>();
    private final List<Dropped> dropped = new ArrayList<>();
    private final List<Trimmed> trimmed = new ArrayList<>();
    private final List<ObjectNode> eventErrors = new ArrayList<>();

    /** A value was removed because it had the wrong type or an impossible value. */
    void invalid(List<String> path, String reason, JsonNode original) {
        dropped.add(new Dropped(List.copyOf(path), "invalid_data", reason, original));
    }

    /** A value was removed for a reason other than bad data, e.g. {@code value_too_long}. */
    void removed(List<String> path, String kind, JsonNode original) {
        dropped.add(new Dropped(List.copyOf(path), kind, null, original));
    }

    /** A string was cut to {@code limit} characters, the last three of which are now {@code "..."}. */
    void trimmed(List<String> path, int limit, int originalLength) {
        trimmed.add(new Trimmed(List.copyOf(path), limit - 3, limit, originalLength));
    }

    /** A list lost items to a size limit; {@code _meta} keeps its original size. */
    void truncatedList(List<String> path, int originalSize) {
        shortened.add(new Shortened(List.copyOf(path), originalSize));
    }

    /** An event-level error without a single offending value, such as clock drift. */
    void eventError(ObjectNode error) {
        eventErrors.add(error);
    }

    boolean isEmpty() {
        return dropped.isEmpty() && trimmed.isEmpty() && shortened.isEmpty() && eventErrors.isEmpty();
    }

    void writeTo(ObjectNode event) {
        if (isEmpty()) {
            return;
        }
        ArrayNode errors = event.get("errors") instanceof ArrayNode existing ? existing : event.putArray("errors");
        ObjectNode meta = child(event, "_meta");
        for (Dropped d : dropped) {
            ObjectNode error = errors.addObject().put("type", d.kind).put("name", String.join(".", d.path));
            if (d.original != null && !d.original.isNull()) {
                error.set("value", d.original);
            }
            ObjectNode valueMeta = valueMeta(meta, d.path);
            ArrayNode err = valueMeta.get("err") instanceof ArrayNode a ? a : valueMeta.putArray("err");
            if (d.reason == null) {
                err.add(d.kind);
            } else {
                ArrayNode entry = err.addArray().add(d.kind);
                entry.addObject().put("reason", d.reason);
            }
            if (d.original != null && !d.original.isNull()) {
                valueMeta.set("val", d.original);
            }
        }
        for (Trimmed t : trimmed) {
            ObjectNode valueMeta = valueMeta(meta, t.path);
            ArrayNode rem = valueMeta.get("rem") instanceof ArrayNode a ? a : valueMeta.putArray("rem");
            rem.addArray().add("!limit").add("s").add(t.keptChars).add(t.limit);
            valueMeta.put("len", t.originalLength);
        }
        for (Shortened s : shortened) {
            valueMeta(meta, s.path).put("len", s.originalSize);
        }
        eventErrors.forEach(errors::add);
        if (errors.isEmpty()) {
            event.remove("errors");
        }
        if (meta.isEmpty()) {
            event.remove("_meta");
        }
    }

    private static ObjectNode valueMeta(ObjectNode meta, List<String> path) {
        ObjectNode node = meta;
        for (String segment : path) {
            node = child(node, segment);
        }
        return child(node, "");
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode object ? object : parent.putObject(name);
    }
}
