package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes the group hashes Sentry computes for an event with its default grouping configuration
 * ({@code newstyle:2023-01-11}), so that issues group in Picket as they would in Sentry.
 *
 * <p>Strategies are tried in Sentry's order of precedence: exceptions, then threads, then a bare
 * stack trace, then a template error, then security reports (CSP, HPKP, Expect-CT, Expect-Staple), then the message; the first one that contributes wins and the others are kept,
 * non-contributing, for debugging. A {@code fingerprint} on the event salts or replaces the result,
 * Sentry's built-in JavaScript fingerprints (chunk-load and hydration errors) replace it as server
 * rules do, and a {@code checksum} replaces everything. Stateless and thread-safe.
 */
public final class Grouper {

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{32}$");

    private static final String DEFAULT = "default";

    private final StackRules rules;

    /** A grouper with Sentry's default stack trace rules. */
    public Grouper() {
        this.rules = StackRules.DEFAULTS;
    }

    /**
     * A grouper with Sentry's default stack trace rules followed by a project's own, written in
     * Sentry's stack trace rule language, one rule a line (for example {@code path:**&#47;vendor/** -group}).
     *
     * @throws IllegalArgumentException naming the line of a rule that cannot be read
     */
    public Grouper(String projectStackTraceRules) {
        this.rules = StackRules.withProjectRules(projectStackTraceRules == null ? "" : projectStackTraceRules);
    }

    public GroupingResult group(ObjectNode event) {
        if (event == null) {
            throw new IllegalArgumentException("cannot group a missing event");
        }
        String checksum = Json.text(event, "checksum");
        if (checksum != null && !checksum.isEmpty()) {
            return checksumResult(checksum);
        }

        Set<String> groupedMessages = new HashSet<>();
        ComponentHashes hashes = new ComponentHashes();
        Map<String, GroupingComponent> roots = strategies(event, groupedMessages, rules, hashes);
        Fingerprint fingerprint = Fingerprint.of(event, groupedMessages, rules);

        List<GroupingResult.Variant> variants = new ArrayList<>();
        Optional<List<String>> builtIn = BuiltInFingerprints.match(event);
        if (builtIn.isPresent()) {
            roots.values().forEach(root -> root.exclude("custom fingerprint takes precedence"));
            roots.forEach((name, root) -> variants.add(new GroupingResult.Variant(name, null, root, List.of())));
            variants.add(new GroupingResult.Variant("built_in_fingerprint", Md5.ofValues(builtIn.get()), null, builtIn.get()));
        } else if (fingerprint.kind() == Fingerprint.Kind.CUSTOM) {
            roots.values().forEach(root -> root.exclude("custom fingerprint takes precedence"));
            roots.forEach((name, root) -> variants.add(new GroupingResult.Variant(name, null, root, List.of())));
            variants.add(new GroupingResult.Variant("custom_fingerprint", Md5.ofValues(fingerprint.values()), null, fingerprint.values()));
        } else if (fingerprint.kind() == Fingerprint.Kind.HYBRID) {
            roots.forEach((name, root) -> variants.add(new GroupingResult.Variant(name, saltedHash(root, fingerprint), root, fingerprint.values())));
        } else {
            roots.forEach((name, root) -> variants.add(new GroupingResult.Variant(name, hashes.of(root), root, List.of())));
        }
        if (variants.stream().noneMatch(GroupingResult.Variant::contributes)) {
            variants.add(new GroupingResult.Variant("fallback", Md5.ofValues(List.of()), null, List.of()));
        }
        return result(variants);
    }

    /** Runs the strategies and assembles one root node per variant ({@code app}, {@code system}, {@code default}). */
    private static Map<String, GroupingComponent> strategies(JsonNode event, Set<String> groupedMessages, StackRules rules,
                                                             ComponentHashes hashes) {
        String platform = Json.text(event, "platform");
        List<Map<String, GroupingComponent>> results = new ArrayList<>();

        List<JsonNode> exceptions = Json.interfaceValues(event, "exception");
        if (!exceptions.isEmpty()) {
            for (JsonNode exception : exceptions) {
                String value = ExceptionGrouping.TypeAndValue.of(exception).value();
                if (value != null) {
                    groupedMessages.add(value);
                }
            }
            results.add(dropDuplicateSystemVariant(ExceptionGrouping.group(event, exceptions, platform, rules), hashes));
        }
        List<JsonNode> threads = Json.interfaceValues(event, "threads");
        if (!threads.isEmpty()) {
            results.add(dropDuplicateSystemVariant(ThreadGrouping.group(threads, platform, rules), hashes));
        }
        JsonNode stacktrace = Json.at(event, "stacktrace");
        if (stacktrace != null && stacktrace.isObject()) {
            results.add(dropDuplicateSystemVariant(
                    StacktraceGrouping.keepStacktraceVariants(StacktraceGrouping.group(stacktrace, platform, rules)), hashes));
        }
        JsonNode template = Json.at(event, "template");
        if (template != null && template.isObject()) {
            // a template error (Django, Jinja): the template file and its failing line
            Map<String, GroupingComponent> templateResult = new LinkedHashMap<>();
            templateResult.put(DEFAULT, new GroupingComponent("template", List.of(
                    GroupingComponent.of("filename", Json.text(template, "filename")),
                    GroupingComponent.of("context-line", Json.text(template, "context_line")))));
            results.add(templateResult);
        }
        Map<String, GroupingComponent> securityReport = SecurityReportGrouping.group(event);
        if (!securityReport.isEmpty()) {
            results.add(securityReport);
        }
        String message = EventMessages.groupingMessage(event);
        if (message != null) {
            groupedMessages.add(message);
            String normalized = MessageNormalizer.normalize(message);
            GroupingComponent component = GroupingComponent.of("message", normalized);
            if (!normalized.equals(message)) {
                component.replaceValues(List.of(normalized), "stripped event-specific values");
            }
            Map<String, GroupingComponent> messageResult = new LinkedHashMap<>();
            messageResult.put(DEFAULT, component);
            results.add(messageResult);
        }

        Map<String, List<GroupingComponent>> perVariant = new LinkedHashMap<>();
        Integer winner = null;
        String precedence = null;
        for (int i = 0; i < results.size(); i++) {
            Map<String, GroupingComponent> result = results.get(i);
            for (Map.Entry<String, GroupingComponent> entry : result.entrySet()) {
                GroupingComponent component = entry.getValue();
                perVariant.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(component);
                if (!component.contributes()) {
                    continue;
                }
                if (winner == null) {
                    winner = i;
                    precedence = precedenceHint(component.id(), entry.getKey(), result);
                } else if (winner != i) {
                    component.exclude(precedence);
                }
            }
        }
        Map<String, GroupingComponent> roots = new LinkedHashMap<>();
        for (Map.Entry<String, List<GroupingComponent>> entry : perVariant.entrySet()) {
            GroupingComponent root = new GroupingComponent(entry.getKey(), entry.getValue());
            if (!root.contributes() && precedence != null) {
                root.exclude(precedence);
            }
            roots.put(entry.getKey(), root);
        }
        return roots;
    }

    private static String precedenceHint(String strategy, String variant, Map<String, GroupingComponent> result) {
        String name = strategy.equals("chained-exception") ? "exception" : strategy;
        if (variant.equals(DEFAULT)) {
            return name + (name.endsWith("s") ? " take" : " takes") + " precedence";
        }
        List<String> contributing = result.entrySet().stream()
                .filter(e -> e.getValue().contributes()).map(Map.Entry::getKey).sorted().toList();
        return name + " of " + String.join("/", contributing) + (name.endsWith("s") ? " take" : " takes") + " precedence";
    }

    /** The system variant adds nothing when it hashes like the app variant, which has priority. */
    private static Map<String, GroupingComponent> dropDuplicateSystemVariant(Map<String, GroupingComponent> variants,
                                                                             ComponentHashes hashes) {
        GroupingComponent app = variants.get(StacktraceGrouping.APP);
        GroupingComponent system = variants.get(StacktraceGrouping.SYSTEM);
        if (app != null && system != null && app.contributes() && system.contributes() && hashes.of(app).equals(hashes.of(system))) {
            system.exclude("ignored because hash matches app variant");
        }
        return variants;
    }

    private static String saltedHash(GroupingComponent root, Fingerprint fingerprint) {
        if (!root.contributes()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String entry : fingerprint.values()) {
            if (Fingerprint.isDefault(entry)) {
                values.addAll(root.contributingValues());
            } else {
                values.add(entry);
            }
        }
        return Md5.ofValues(values);
    }

    private static GroupingResult checksumResult(String checksum) {
        GroupingResult.Variant variant = HASH.matcher(checksum).matches()
                ? new GroupingResult.Variant("checksum", checksum, null, List.of())
                : new GroupingResult.Variant("hashed_checksum", Md5.ofValues(List.of(checksum)), null, List.of());
        return new GroupingResult(List.of(variant.hash()), variant.name(), "checksum", List.of(variant));
    }

    /** Orders the hashes as Sentry does: the app variant first, the system variant last. */
    private static GroupingResult result(List<GroupingResult.Variant> variants) {
        List<GroupingResult.Variant> ordered = new ArrayList<>(variants.stream().filter(v -> !v.name().equals(StacktraceGrouping.SYSTEM)).toList());
        variants.stream().filter(v -> v.name().equals(StacktraceGrouping.SYSTEM)).forEach(ordered::add);
        Set<String> hashes = new LinkedHashSet<>();
        GroupingResult.Variant primary = null;
        for (GroupingResult.Variant variant : ordered) {
            if (variant.contributes()) {
                hashes.add(variant.hash());
                if (primary == null) {
                    primary = variant;
                }
            }
        }
        return new GroupingResult(List.copyOf(hashes), primary.name(), componentOf(primary), variants);
    }

    private static String componentOf(GroupingResult.Variant variant) {
        if (variant.tree() == null) {
            return variant.name().equals("fallback") ? "fallback" : variant.name().contains("checksum") ? "checksum" : "fingerprint";
        }
        for (GroupingComponent child : variant.tree().children()) {
            if (child.contributes()) {
                return child.id();
            }
        }
        return variant.tree().id();
    }
}
