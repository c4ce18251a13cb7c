package dev.picket.processing.grouping;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds events for specifications from JSON text, with single quotes for readability. */
final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    static ObjectNode event(String json) {
        return json(json.replace('\'', '"'));
    }

    /** For events whose text holds single quotes of its own. */
    static ObjectNode json(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
