package dev.picket.processing.normalize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sentry's generated culprit, for events that name neither a culprit nor a transaction: the innermost
 * in-app frame of the last stacktrace as {@code module in function} ({@code function(module)} for
 * JavaScript, the bare function for native code), else the innermost frame, else the request URL.
 * Synthetic exceptions get none.
 */
final class Culprits {

    private Culprits() {
    }

    static String generate(ObjectNode event, String platform) {
        ArrayNode exceptions = Nodes.values(event, "exception");
        ArrayNode frames = null;
        if (exceptions != null) {
            if (Nodes.isTrue(Nodes.object(Nodes.last(exceptions), "mechanism"), "synthetic")) {
                return "";
            }
            for (JsonNode exception : exceptions) {
                ArrayNode candidate = CrashFrame.frames(exception.get("stacktrace"));
                if (candidate != null) {
                    frames = candidate;
                }
            }
        } else {
            frames = CrashFrame.frames(event.get("stacktrace"));
        }
        String culprit = frames == null ? null : fromFrames(frames, platform);
        if ((culprit == null || culprit.isEmpty()) && event.get("request") instanceof ObjectNode request) {
            culprit = Nodes.string(request, "url");
        }
        return culprit == null ? "" : culprit;
    }

    private static String fromFrames(ArrayNode frames, String platform) {
        String fallback = null;
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (!(frames.get(i) instanceof ObjectNode frame)) {
                continue;
            }
            if (Nodes.isTrue(frame, "in_app")) {
                String culprit = ofFrame(frame, platform);
                if (!culprit.isEmpty()) {
                    return culprit;
                }
            } else if (fallback == null) {
                fallback = ofFrame(frame, platform);
            }
        }
        return fallback;
    }

    private static String ofFrame(ObjectNode frame, String eventPlatform) {
        String platform = Nodes.string(frame, "platform");
        platform = platform != null ? platform : eventPlatform;
        String function = Nodes.string(frame, "function");
        if ("objc".equals(platform) || "cocoa".equals(platform) || "native".equals(platform)) {
            return function != null ? function : "?";
        }
        String location = Nodes.string(frame, "module");
        location = location != null ? location : Nodes.string(frame, "filename");
        if (location == null) {
            return "";
        }
        String name = function != null ? function : "?";
        if ("javascript".equals(platform) || "node".equals(platform)) {
            return name + "(" + location + ")";
        }
        return location + " in " + name;
    }
}
