package dev.picket.processing.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real events with one value at a time replaced by a value of another shape: normalization always
 * finishes, because an SDK bug or a hostile sender must not stop ingestion.
 */
class ReferenceEventMutationTest {

    private static final int MAX_DEPTH = 6;
    private static final int PLACES_PER_EVENT = 80;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.numberNode(7), NODES.stringNode(""),
            NODES.stringNode("{{auto}}"), NODES.arrayNode().add(1).add("a"), NODES.objectNode(), NODES.booleanNode(true));

    private final EventNormalizer normalizer = new EventNormalizer();

    static List<ReferenceEvents.Recorded> recorded() {
        return ReferenceEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void replacingAnyValueOfARecordedEventNeverFailsNormalization(ReferenceEvents.Recorded recorded) {
        List<JsonPointer> places = new ArrayList<>();
        collect(recorded.event(), JsonPointer.empty(), 0, places);
        int step = Math.max(1, places.size() / PLACES_PER_EVENT);
        for (int i = 0; i < places.size(); i += step) {
            for (JsonNode replacement : REPLACEMENTS) {
                ObjectNode mutated = recorded.event().deepCopy();
                replace(mutated, places.get(i), replacement);

                NormalizedEvent n = normalizer.normalize(mutated, new NormalizeContext(recorded.itemType(), 1_795_495_000_000L, null));

                assertThat(n.facts().title()).as("%s at %s", replacement, places.get(i)).isNotNull();
            }
        }
    }

    private static void collect(JsonNode node, JsonPointer at, int depth, List<JsonPointer> places) {
        if (depth > 0) {
            places.add(at);
        }
        if (depth == MAX_DEPTH) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                collect(child.getValue(), at.appendProperty(child.getKey()), depth + 1, places);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), at.appendIndex(i), depth + 1, places);
            }
        }
    }

    private static void replace(ObjectNode root, JsonPointer at, JsonNode replacement) {
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), replacement);
        }
    }
}
