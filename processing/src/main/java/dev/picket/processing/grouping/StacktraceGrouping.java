package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Groups one stack trace twice: the {@code app} variant counts in-app frames only, the
 * {@code system} variant counts every frame. Frames run oldest call first, as SDKs send them.
 */
final class StacktraceGrouping {

    static final String APP = "app";
    static final String SYSTEM = "system";

    private StacktraceGrouping() {
    }

    /** The frames of a stack trace, after Sentry's default in-app and category rules. */
    static List<Frame> frames(JsonNode stacktrace, String eventPlatform, StackRules rules) {
        List<Frame> frames = new ArrayList<>();
        for (JsonNode frame : Json.objects(stacktrace, "frames")) {
            frames.add(Frame.of(frame, eventPlatform));
        }
        rules.markFrames(frames);
        return frames;
    }

    static Map<String, GroupingComponent> group(JsonNode stacktrace, String eventPlatform, StackRules rules) {
        List<Frame> frames = frames(stacktrace, eventPlatform, rules);
        GroupingComponent app = variant(frames, true, rules);
        GroupingComponent system = variant(frames, false, rules);

        int inAppFrames = 0;
        int contributingFrames = 0;
        int inAppContributingFrames = 0;
        for (GroupingComponent frame : system.children()) {
            if (frame.inApp()) {
                inAppFrames++;
            }
            if (frame.contributes()) {
                contributingFrames++;
                if (frame.inApp()) {
                    inAppContributingFrames++;
                }
            }
        }
        if (frames.isEmpty()) {
            system.exclude("ignored because it contains no frames");
            app.exclude("ignored because it contains no frames");
        } else {
            if (contributingFrames == 0) {
                system.exclude("ignored because it contains no contributing frames");
            }
            if (inAppFrames == 0) {
                app.exclude("ignored because it contains no in-app frames");
            } else if (inAppContributingFrames == 0) {
                app.exclude("ignored because it contains no contributing frames");
            }
        }
        Map<String, GroupingComponent> variants = new LinkedHashMap<>();
        variants.put(APP, app);
        variants.put(SYSTEM, system);
        return variants;
    }

    private static GroupingComponent variant(List<Frame> frames, boolean appOnly, StackRules rules) {
        List<GroupingComponent> components = new ArrayList<>();
        Frame previous = null;
        for (Frame frame : frames) {
            GroupingComponent component = FrameComponents.frame(frame);
            if (frame.sameCallSiteAs(previous)) {
                component.exclude("ignored due to recursion");
            }
            if (appOnly && !frame.inApp) {
                component.exclude(null);
            }
            components.add(component);
            previous = frame;
        }
        // A lone JavaScript frame without a function name says little about where the error is.
        if (frames.size() == 1 && components.getFirst().contributes()) {
            Frame only = frames.getFirst();
            if (only.family().equals(Platforms.JAVASCRIPT)
                    && (only.function == null || only.function.isEmpty())
                    && Platforms.hasUrlOrigin(only.absPath, true)) {
                components.getFirst().exclude("ignored single non-URL JavaScript frame");
            }
        }
        rules.markContributions(frames, components);
        if (appOnly) {
            for (int i = 0; i < frames.size(); i++) {
                if (!frames.get(i).inApp && components.get(i).contributes()) {
                    components.get(i).exclude(null);
                }
            }
        }
        return new GroupingComponent("stacktrace", components);
    }

    /**
     * When some variant groups by a stack trace, the variants that do not are worthless and stop
     * contributing; Sentry applies this after the exception, thread and stack trace strategies.
     */
    static Map<String, GroupingComponent> keepStacktraceVariants(Map<String, GroupingComponent> variants) {
        List<String> withStacktrace = new ArrayList<>();
        List<GroupingComponent> without = new ArrayList<>();
        for (Map.Entry<String, GroupingComponent> entry : variants.entrySet()) {
            GroupingComponent component = entry.getValue();
            boolean stacktraceContributes = component.contributes()
                    && (component.id().equals("stacktrace") || component.hasContributingStacktrace());
            if (stacktraceContributes) {
                withStacktrace.add(entry.getKey());
            } else {
                without.add(component);
            }
        }
        if (!withStacktrace.isEmpty()) {
            String suffix = withStacktrace.size() == 1 ? "but the " + withStacktrace.getFirst() + " variant does" : "others do";
            for (GroupingComponent component : without) {
                component.exclude("ignored because this variant does not have a contributing stacktrace, " + suffix);
            }
        }
        return variants;
    }
}
