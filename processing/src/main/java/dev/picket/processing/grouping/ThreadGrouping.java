package dev.picket.processing.grouping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Groups an event without exception by the stack trace of its one crashed, current or only thread. */
final class ThreadGrouping {

    private ThreadGrouping() {
    }

    static Map<String, GroupingComponent> group(List<JsonNode> threads, String platform, StackRules rules) {
        List<JsonNode> crashed = threads.stream().filter(t -> Json.isTrue(t, "crashed")).toList();
        Map<String, GroupingComponent> components = ofSingle(crashed, platform, rules);
        if (components == null) {
            List<JsonNode> current = threads.stream().filter(t -> Json.isTrue(t, "current")).toList();
            components = ofSingle(current, platform, rules);
            if (components == null) {
                components = ofSingle(threads, platform, rules);
            }
            if (components == null) {
                GroupingComponent none = new GroupingComponent("threads", List.of());
                none.exclude("ignored because it contains neither a single thread nor multiple threads with exactly one"
                        + " crashing or current thread; instead contains " + crashed.size() + " crashing, "
                        + current.size() + " current, and " + threads.size() + " total threads");
                components = Map.of(StacktraceGrouping.APP, none);
            }
        }
        return StacktraceGrouping.keepStacktraceVariants(new LinkedHashMap<>(components));
    }

    private static Map<String, GroupingComponent> ofSingle(List<JsonNode> threads, String platform, StackRules rules) {
        if (threads.size() != 1) {
            return null;
        }
        JsonNode stacktrace = Json.at(threads.getFirst(), "stacktrace");
        if (stacktrace == null || !stacktrace.isObject() || stacktrace.isEmpty()) {
            GroupingComponent none = new GroupingComponent("threads", List.of());
            none.exclude("ignored because thread has no stacktrace");
            return Map.of(StacktraceGrouping.APP, none);
        }
        Map<String, GroupingComponent> variants = new LinkedHashMap<>();
        StacktraceGrouping.keepStacktraceVariants(StacktraceGrouping.group(stacktrace, platform, rules))
                .forEach((variant, component) -> variants.put(variant, new GroupingComponent("threads", List.of(component))));
        return variants;
    }
}
