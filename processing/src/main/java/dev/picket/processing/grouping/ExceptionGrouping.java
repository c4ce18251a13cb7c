package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Groups the exceptions of an event: one exception by its stack trace (type and value when there
 * is no usable stack trace), a chain by all of its exceptions in order, and an exception group by
 * its distinct leaf exceptions as Sentry's exception-group rules pick them.
 */
final class ExceptionGrouping {

    private ExceptionGrouping() {
    }

    static Map<String, GroupingComponent> group(JsonNode event, List<JsonNode> exceptions, String platform, StackRules rules) {
        Map<JsonNode, Map<String, GroupingComponent>> byException = new IdentityHashMap<>();
        for (JsonNode exception : exceptions) {
            byException.put(exception, single(exception, platform, rules));
        }
        List<JsonNode> kept = ExceptionGroups.filter(event, exceptions, byException);
        if (kept.size() == 1) {
            return StacktraceGrouping.keepStacktraceVariants(byException.get(kept.getFirst()));
        }
        Map<String, List<GroupingComponent>> perVariant = new LinkedHashMap<>();
        for (JsonNode exception : kept) {
            byException.get(exception).forEach((variant, component) ->
                    perVariant.computeIfAbsent(variant, v -> new ArrayList<>()).add(component));
        }
        Map<String, GroupingComponent> chained = new LinkedHashMap<>();
        perVariant.forEach((variant, components) -> chained.put(variant, new GroupingComponent("chained-exception", components)));
        return StacktraceGrouping.keepStacktraceVariants(chained);
    }

    /**
     * Type and value as Sentry's ingestion leaves them: an exception sent without a type but with a
     * value like {@code "TypeError: x is undefined"} gets the type from the value.
     */
    record TypeAndValue(String type, String value) {

        private static final Pattern TYPE_IN_VALUE = Pattern.compile("^(\\w+):([^\n]*)\\z");

        static TypeAndValue of(JsonNode exception) {
            String type = Json.text(exception, "type");
            String value = Json.text(exception, "value");
            if ((type == null || type.isEmpty()) && value != null) {
                Matcher matcher = TYPE_IN_VALUE.matcher(value);
                if (matcher.matches()) {
                    return new TypeAndValue(matcher.group(1), matcher.group(2).strip());
                }
            }
            return new TypeAndValue(type, value);
        }
    }

    static Map<String, GroupingComponent> single(JsonNode exception, String platform, StackRules rules) {
        TypeAndValue typeAndValue = TypeAndValue.of(exception);
        String type = typeAndValue.type();
        GroupingComponent typeComponent = new GroupingComponent("type", type == null || type.isEmpty() ? List.of() : List.of(type));
        if (Json.isTrue(exception, "mechanism", "synthetic")) {
            typeComponent.exclude("ignored because exception is synthetic");
        }
        GroupingComponent nsError = null;
        JsonNode nsErrorData = Json.at(exception, "mechanism", "meta", "ns_error");
        if (nsErrorData != null) {
            nsError = new GroupingComponent("ns-error", List.of(
                    GroupingComponent.of("domain", Json.text(nsErrorData, "domain")),
                    GroupingComponent.of("code", Json.text(nsErrorData, "code"))));
        }

        Map<String, GroupingComponent> stacktraces;
        JsonNode stacktrace = Json.at(exception, "stacktrace");
        if (stacktrace != null && !Json.objects(stacktrace, "frames").isEmpty()) {
            stacktraces = StacktraceGrouping.keepStacktraceVariants(StacktraceGrouping.group(stacktrace, platform, rules));
        } else {
            stacktraces = new LinkedHashMap<>();
            stacktraces.put(StacktraceGrouping.APP, new GroupingComponent("stacktrace", List.of()));
        }

        Map<String, GroupingComponent> variants = new LinkedHashMap<>();
        String raw = typeAndValue.value();
        for (Map.Entry<String, GroupingComponent> entry : stacktraces.entrySet()) {
            GroupingComponent stacktraceComponent = entry.getValue();
            GroupingComponent value = GroupingComponent.empty("value");
            if (raw != null) {
                String normalized = MessageNormalizer.normalize(raw);
                if (!normalized.isEmpty()) {
                    value.replaceValues(List.of(normalized), raw.equals(normalized) ? null : "stripped event-specific values");
                }
            }
            if (stacktraceComponent.contributes() && value.contributes()) {
                value.exclude("ignored because stacktrace takes precedence");
            }
            if (nsError != null && nsError.contributes() && value.contributes()) {
                value.exclude("ignored because ns-error info takes precedence");
            }
            // The winter 2023 configuration keeps the historical order of the parts, which the hash depends on.
            List<GroupingComponent> parts = nsError != null
                    ? List.of(stacktraceComponent, typeComponent, nsError, value)
                    : List.of(stacktraceComponent, typeComponent, value);
            variants.put(entry.getKey(), new GroupingComponent("exception", parts));
        }
        return variants;
    }

    /** Sentry's reading of exception groups (mechanism.exception_id, parent_id, is_exception_group). */
    static final class ExceptionGroups {

        private ExceptionGroups() {
        }

        static List<JsonNode> filter(JsonNode event, List<JsonNode> exceptions, Map<JsonNode, Map<String, GroupingComponent>> components) {
            if (exceptions.size() <= 1) {
                return exceptions;
            }
            // Python SDK 3.x changed what it sends; Sentry keeps the old hashes by not filtering those.
            String sdkVersion = Json.text(event, "sdk", "version");
            if ("python".equals(Json.text(event, "platform")) && sdkVersion != null && sdkVersion.startsWith("3")) {
                return exceptions;
            }
            Map<Long, Node> tree = new HashMap<>();
            Set<Long> seen = new HashSet<>();
            for (JsonNode exception : exceptions.reversed()) {
                Long id = number(exception, "exception_id");
                Long parent = number(exception, "parent_id");
                if (id == null || id.equals(parent) || seen.contains(id)) {
                    return exceptions;
                }
                seen.add(id);
                tree.computeIfAbsent(id, k -> new Node()).exception = exception;
                if (parent != null) {
                    tree.computeIfAbsent(parent, k -> new Node()).children.add(exception);
                }
            }
            Node root = tree.get(0L);
            if (root == null || root.exception == null) {
                return exceptions;
            }
            List<JsonNode> topLevel = new ArrayList<>();
            collectTopLevel(root.exception, tree, topLevel, new HashSet<>());
            topLevel.sort(Comparator.comparing((JsonNode e) -> String.valueOf(Json.text(e, "type"))).reversed());
            if (topLevel.isEmpty()) {
                return exceptions;
            }
            List<JsonNode> distinct = new ArrayList<>();
            String previousKey = null;
            for (JsonNode exception : topLevel) {
                String key = key(components.get(exception));
                if (!key.equals(previousKey)) {
                    distinct.add(exception);
                }
                previousKey = key;
            }
            if (distinct.size() == 1) {
                List<JsonNode> path = new ArrayList<>();
                JsonNode current = distinct.getFirst();
                Set<JsonNode> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                while (current != null && visited.add(current)) {
                    path.add(current);
                    List<JsonNode> children = children(current, tree);
                    current = children.isEmpty() ? null : children.getFirst();
                }
                return path;
            }
            distinct.add(root.exception);
            return distinct;
        }

        private static void collectTopLevel(JsonNode exception, Map<Long, Node> tree, List<JsonNode> out, Set<Long> visiting) {
            Long id = number(exception, "exception_id");
            if (!visiting.add(id)) {
                return; // a cycle: Sentry's recursion would never end; we stop instead
            }
            if (Json.isTrue(exception, "mechanism", "is_exception_group")) {
                for (JsonNode child : children(exception, tree)) {
                    collectTopLevel(child, tree, out, visiting);
                }
            } else {
                out.add(exception);
            }
        }

        private static List<JsonNode> children(JsonNode exception, Map<Long, Node> tree) {
            Node node = tree.get(number(exception, "exception_id"));
            return node == null ? List.of() : node.children;
        }

        private static String key(Map<String, GroupingComponent> variants) {
            StringBuilder key = new StringBuilder();
            variants.forEach((name, component) -> key.append(name).append('\n').append(component.render()));
            return key.toString();
        }

        private static Long number(JsonNode exception, String field) {
            JsonNode value = Json.at(exception, "mechanism", field);
            return value != null && value.canConvertToLong() && value.isNumber() ? value.asLong() : null;
        }

        private static final class Node {
            JsonNode exception;
            final List<JsonNode> children = new ArrayList<>();
        }
    }
}
