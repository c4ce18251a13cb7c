package dev.picket.processing.normalize;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sentry's crash frame: in the last exception's stacktrace (else the event's stacktrace, else the only
 * thread's), the innermost in-app frame with a function, else the innermost frame with a function.
 */
final class CrashFrame {

    private static final Set<String> NO_FUNCTION = Set.of("<redacted>", "<unknown>");

    private CrashFrame() {
    }

    static ObjectNode find(ObjectNode event) {
        ArrayNode frames = frames(Nodes.object(Nodes.last(Nodes.values(event, "exception")), "stacktrace"));
        if (frames == null) {
            frames = frames(Nodes.object(event, "stacktrace"));
        }
        if (frames == null) {
            ArrayNode threads = Nodes.values(event, "threads");
            if (threads != null && threads.size() == 1) {
                frames = frames(Nodes.object(threads.get(0), "stacktrace"));
            }
        }
        if (frames == null) {
            return null;
        }
        ObjectNode fallback = null;
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (!(frames.get(i) instanceof ObjectNode frame)) {
                continue;
            }
            String function = Nodes.string(frame, "function");
            if (function == null || NO_FUNCTION.contains(function)) {
                continue;
            }
            if (Nodes.isTrue(frame, "in_app")) {
                return frame;
            }
            if (fallback == null) {
                fallback = frame;
            }
        }
        return fallback;
    }

    static ArrayNode frames(JsonNode stacktrace) {
        ArrayNode frames = Nodes.array(stacktrace, "frames");
        return frames == null || frames.isEmpty() ? null : frames;
    }
}
