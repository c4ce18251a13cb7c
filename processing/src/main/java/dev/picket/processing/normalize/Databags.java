package dev.picket.processing.normalize;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Free-form data bags ({@code extra}, {@code modules}) limited in depth and size like Relay's trimming:
 * a container at the last allowed level becomes its JSON text; once the byte budget is spent, strings
 * are cut and the remaining entries dropped, with the original length in {@code _meta}.
 */
final class Databags {

    private final Problems problems;
    private int remainingBytes;

    private Databags(int maxBytes, Problems problems) {
        this.remainingBytes = maxBytes;
        this.problems = problems;
    }

    static void trim(ObjectNode event, String name, int maxDepth, int maxBytes, Problems problems) {
        if (event.get(name) instanceof ObjectNode bag) {
            new Databags(maxBytes, problems).container(bag, maxDepth, List.of(name));
        }
    }

    private void container(JsonNode node, int depthLeft, List<String> path) {
        int original = node.size();
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            for (int i = 0; i < names.size(); i++) {
                if (remainingBytes <= 0) {
                    names.subList(i, names.size()).forEach(object::remove);
                    break;
                }
                String key = names.get(i);
                object.set(key, child(object.get(key), depthLeft - 1, Paths.child(path, key)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (remainingBytes <= 0) {
                    while (array.size() > i) {
                        array.remove(array.size() - 1);
                    }
                    break;
                }
                array.set(i, child(array.get(i), depthLeft - 1, Paths.child(path, String.valueOf(i))));
            }
        }
        if (node.size() != original) {
            problems.truncatedList(path, original);
        }
    }

    private JsonNode child(JsonNode value, int depthLeft, List<String> path) {
        JsonNode result = value;
        if (value.isContainer() && depthLeft <= 1) {
            result = JsonNodeFactory.instance.stringNode(value.toString());
        }
        if (result.isString()) {
            String text = result.stringValue();
            String cut = StringRule.limit(Math.max(remainingBytes, 3)).cut(text, path, problems);
            if (!cut.equals(text)) {
                result = JsonNodeFactory.instance.stringNode(cut);
            }
            remainingBytes -= cut.length() + 3;
        } else if (result.isContainer()) {
            remainingBytes -= 3;
            container(result, depthLeft, path);
        } else {
            remainingBytes -= result.toString().length() + 1;
        }
        return result;
    }

    /** The depth and byte limits of Relay's event schema. */
    static void trimAll(ObjectNode event, Problems problems) {
        trim(event, "extra", 7, 262_144, problems);
        trim(event, "modules", 7, 8192, problems);
    }
}
