package dev.picket.pipeline;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads item payloads into trees and writes them back. */
final class JsonTrees {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonTrees() {
    }

    /**
     * The JSON object in {@code length} bytes of {@code source} from {@code offset}.
     *
     * @throws UnprocessableItemException when they are not a JSON object
     */
    static ObjectNode object(byte[] source, int offset, int length, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(source, offset, length);
        } catch (JacksonException e) {
            throw new UnprocessableItemException(what + " item is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UnprocessableItemException(what + " item is not a JSON object");
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }
}
