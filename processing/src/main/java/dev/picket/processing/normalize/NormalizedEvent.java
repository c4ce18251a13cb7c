package dev.picket.processing.normalize;

import tools.jackson.databind.node.ObjectNode;

/**
 * @param event the normalized event tree (the input tree, mutated in place)
 * @param facts the values the pipeline indexes, read from the normalized tree
 */
public record NormalizedEvent(ObjectNode event, EventFacts facts) {
}
