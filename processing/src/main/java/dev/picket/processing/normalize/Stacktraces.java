package dev.picket.processing.normalize;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stack traces, after Relay: {@code frames} is a required list of frame objects; frames of another type
 * are dropped with an error, and a stack trace left without frames is removed. Of very deep stacks only
 * the innermost 250 frames are kept, and beyond 50 frames the middle ones lose their source context and
 * variables (Sentry's {@code slim_frame_data}), keeping in-app frames longest.
 */
final class Stacktraces {

    static final int MAX_FRAMES = 250;
    static final int FRAMES_WITH_CONTEXT = 50;
    private static final List<String> BULKY_FRAME_FIELDS = List.of("vars", "pre_context", "post_context");

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
            return;
        }
        keepInnermost(list, Paths.child(path, "frames"), problems);
        slim(list);
    }

    private static void keepInnermost(ArrayNode frames, List<String> path, Problems problems) {
        int original = frames.size();
        if (original <= MAX_FRAMES) {
            return;
        }
        while (frames.size() > MAX_FRAMES) {
            frames.remove(0);
        }
        problems.truncatedList(path, original);
    }

    /** Strips the middle frames' bulk, system frames first, so that at most 50 frames keep it. */
    private static void slim(ArrayNode frames) {
        int count = frames.size();
        if (count <= FRAMES_WITH_CONTEXT) {
            return;
        }
        List<Integer> app = new ArrayList<>();
        List<Integer> system = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            (Nodes.isTrue(frames.get(i), "in_app") ? app : system).add(i);
        }
        int systemHalf = Math.max(0, FRAMES_WITH_CONTEXT - app.size()) / 2;
        List<Integer> slimSystem = middle(system, systemHalf);
        int remaining = Math.max(0, count - FRAMES_WITH_CONTEXT - slimSystem.size());
        List<Integer> slimApp = middle(app, Math.max(0, app.size() - remaining) / 2);
        for (List<Integer> indices : List.of(slimSystem, slimApp)) {
            for (int index : indices) {
                ((ObjectNode) frames.get(index)).remove(BULKY_FRAME_FIELDS);
            }
        }
    }

    /** The indices between the first {@code keep} and the last {@code keep}. */
    private static List<Integer> middle(List<Integer> indices, int keep) {
        return keep * 2 >= indices.size() ? List.of() : indices.subList(keep, indices.size() - keep);
    }
}
