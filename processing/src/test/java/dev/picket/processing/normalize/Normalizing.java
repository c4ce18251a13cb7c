package dev.picket.processing.normalize;

import tools.jackson.databind.node.ObjectNode;

/** Normalizes hand-written event JSON for the rule tests. */
final class Normalizing {

    static final long RECEIVED = 1_700_000_000_000L;
    static final String CLIENT_IP = "203.0.113.7";

    private static final EventNormalizer NORMALIZER = new EventNormalizer();

    private Normalizing() {
    }

    static NormalizedEvent event(String json) {
        return as("event", json);
    }

    static NormalizedEvent transaction(String json) {
        return as("transaction", json);
    }

    static NormalizedEvent as(String itemType, String json) {
        ObjectNode raw = (ObjectNode) ReferenceEvents.JSON.readTree(json);
        return NORMALIZER.normalize(raw, new NormalizeContext(itemType, RECEIVED, CLIENT_IP));
    }

    static NormalizedEvent withoutClientIp(String json) {
        ObjectNode raw = (ObjectNode) ReferenceEvents.JSON.readTree(json);
        return NORMALIZER.normalize(raw, new NormalizeContext("event", RECEIVED, null));
    }
}
