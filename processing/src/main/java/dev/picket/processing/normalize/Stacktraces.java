package dev.picket.processing.normalize;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stack traces, after Relay: {@code frames} is a required list of frame objects; frames of another type
 * are dropped with an error, and a stack trace left without frames is removed.
 */
final class Stacktraces {

    private Stacktraces() {
    }

    /** Checks every stack trace of the event: the top-level one, each exception's and each thread's. */
    static void apply(ObjectNode event, Problems problems) {
        check(event, "stacktrace", List.of("stacktrace"), problems);
        checkAll(Nodes.values(event, "exception"), List.of("exception", "values"), problems);
        checkAll(Nodes.values(event, "threads"), List.of("threads", "values"), problems);
    }

    private static void checkAll(ArrayNode items, List<String> path, Problems problems) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                check(item, "stacktrace", Paths.child(Paths.child(path, String.valueOf(i)), "stacktrace"), problems);
            }
        }
    }

    private static void check(ObjectNode parent, String name, List<String> path, Problems problems) {
        ObjectNode stacktrace = Shapes.object(parent, name, path, problems);
        if (stacktrace == null) {
            return;
        }
        JsonNode frames = stacktrace.get("frames");
        if (!(frames instanceof ArrayNode list)) {
            parent.remove(name);
            problems.removed(Paths.child(path, "frames"), "missing_attribute", frames == null || frames.isNull() ? null : frames);
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode frame = list.get(i);
            if (!(frame instanceof ObjectNode)) {
                list.remove(i);
                if (!frame.isNull()) {
                    problems.invalid(Paths.child(Paths.child(path, "frames"), String.valueOf(i)), "expected a frame", frame);
                }
            }
        }
        if (list.isEmpty()) {
            parent.remove(name);
        }
    }
}
