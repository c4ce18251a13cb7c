package dev.picket.processing.normalize;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code exception} interface, after Relay: a top-level {@code stacktrace} moves into the only
 * exception; an exception without type whose value reads {@code "Type: value"} (old Python SDKs) is
 * split; one with neither type nor value is dropped; {@code value} may be any JSON and becomes a string.
 */
final class Exceptions {

    private static final Pattern TYPE_AND_VALUE = Pattern.compile("^(\\w+):(.*)$", Pattern.DOTALL);
    private static final StringRule TYPE = StringRule.PLAIN.trimmed();
    private static final StringRule MODULE = StringRule.PLAIN;

    private Exceptions() {
    }

    static void apply(ObjectNode event, Problems problems) {
        ArrayNode values = Nodes.values(event, "exception");
        if (values == null) {
            return;
        }
        if (values.size() == 1 && event.get("stacktrace") instanceof ObjectNode stacktrace
                && values.get(0) instanceof ObjectNode only) {
            only.set("stacktrace", stacktrace);
            event.remove("stacktrace");
        }
        for (int i = values.size() - 1; i >= 0; i--) {
            ObjectNode exception = (ObjectNode) values.get(i);
            List<String> path = List.of("exception", "values", String.valueOf(i));
            if (!keep(exception, path, problems)) {
                values.remove(i);
            }
        }
        if (values.isEmpty()) {
            event.remove("exception");
        }
    }

    private static boolean keep(ObjectNode exception, List<String> path, Problems problems) {
        String type = TYPE.apply(exception, "type", Paths.child(path, "type"), problems);
        String value = value(exception, Paths.child(path, "value"), problems);
        MODULE.apply(exception, "module", Paths.child(path, "module"), problems);
        mechanism(exception, Paths.child(path, "mechanism"), problems);
        if (type == null && value != null) {
            Matcher split = TYPE_AND_VALUE.matcher(value);
            if (split.matches()) {
                type = split.group(1);
                exception.put("type", type);
                value = split.group(2).strip();
                exception.put("value", value);
            }
        }
        if (type == null && (value == null || value.isEmpty())) {
            problems.removed(path, "missing_attribute", null);
            return false;
        }
        return true;
    }

    private static String value(ObjectNode exception, List<String> path, Problems problems) {
        JsonNode node = exception.get("value");
        if (node == null || node.isNull()) {
            exception.remove("value");
            return null;
        }
        String text = node.isString() ? node.stringValue() : node.isValueNode() ? node.asString() : node.toString();
        exception.put("value", text);
        return text;
    }

    private static void mechanism(ObjectNode exception, List<String> path, Problems problems) {
        ObjectNode mechanism = Shapes.object(exception, "mechanism", path, problems);
        if (mechanism == null) {
            return;
        }
        JsonNode handled = mechanism.get("handled");
        if (handled != null && !handled.isBoolean()) {
            mechanism.remove("handled");
            if (!handled.isNull()) {
                problems.invalid(Paths.child(path, "handled"), "expected a boolean", handled);
            }
        }
        if (Nodes.string(mechanism, "type") == null) {
            mechanism.put("type", "generic");
        }
    }
}
