package dev.picket.processing.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code contexts} interface, after Relay: every context is an object with a {@code type} (its key
 * for the well-known ones); {@code os}, {@code runtime} and {@code browser} get their combined
 * "name version" field, which Sentry's tags show; a browser and client OS are read from the request's
 * User-Agent when the SDK sent none; trace ids are checked.
 */
final class Contexts {

    private static final Set<String> KNOWN_TYPES = Set.of("device", "os", "runtime", "app", "browser", "gpu",
            "trace", "profile", "replay", "monitor", "response", "otel", "cloud_resource", "culture", "state",
            "flags", "feedback", "spring", "nel", "performance_score", "unity", "ota_updates", "user_report_v2");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

    private Contexts() {
    }

    static ObjectNode apply(ObjectNode event, boolean transaction, ObjectNode request, Problems problems) {
        ObjectNode contexts = Shapes.object(event, "contexts", List.of("contexts"), problems);
        if (contexts != null) {
            for (String key : new ArrayList<>(contexts.propertyNames())) {
                JsonNode context = contexts.get(key);
                if (!(context instanceof ObjectNode object)) {
                    contexts.remove(key);
                    if (!context.isNull()) {
                        problems.invalid(List.of("contexts", key), "expected a context object", context);
                    }
                    continue;
                }
                if (!object.has("type") && KNOWN_TYPES.contains(key)) {
                    object.put("type", key);
                }
            }
        }
        userAgentContexts(event, contexts, request);
        contexts = Nodes.object(event, "contexts");
        if (contexts == null) {
            if (!transaction) {
                return null;
            }
            contexts = event.putObject("contexts");
        }
        combined(Nodes.object(contexts, "os"), "os");
        combined(Nodes.object(contexts, "client_os"), "os");
        combined(Nodes.object(contexts, "runtime"), "runtime");
        combined(Nodes.object(contexts, "browser"), "browser");
        trace(contexts, transaction, problems);
        return contexts;
    }

    private static void userAgentContexts(ObjectNode event, ObjectNode contexts, ObjectNode request) {
        UserAgent agent = UserAgent.parse(Requests.header(request, "User-Agent"));
        if (agent.browser() != null && Nodes.object(contexts, "browser") == null) {
            ObjectNode browser = target(event).putObject("browser").put("type", "browser").put("name", agent.browser());
            if (agent.browserVersion() != null) {
                browser.put("version", agent.browserVersion());
            }
        }
        if (agent.os() != null) {
            String key = Nodes.object(Nodes.object(event, "contexts"), "os") == null ? "os" : "client_os";
            if (Nodes.object(Nodes.object(event, "contexts"), key) == null) {
                ObjectNode os = target(event).putObject(key).put("type", "os").put("name", agent.os());
                if (agent.osVersion() != null) {
                    os.put("version", agent.osVersion());
                }
            }
        }
    }

    private static ObjectNode target(ObjectNode event) {
        ObjectNode contexts = Nodes.object(event, "contexts");
        return contexts != null ? contexts : event.putObject("contexts");
    }

    private static void combined(ObjectNode context, String field) {
        if (context == null || Nodes.string(context, field) != null) {
            return;
        }
        String name = clean(Nodes.string(context, "name"));
        String version = clean(Nodes.string(context, "version"));
        if (name != null) {
            context.put(field, version == null ? name : name + " " + version);
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void trace(ObjectNode contexts, boolean transaction, Problems problems) {
        ObjectNode trace = Nodes.object(contexts, "trace");
        if (trace == null) {
            return;
        }
        for (Map.Entry<String, Pattern> id : Map.of("trace_id", TRACE_ID, "span_id", SPAN_ID, "parent_span_id", SPAN_ID).entrySet()) {
            JsonNode value = trace.get(id.getKey());
            if (value == null) {
                continue;
            }
            String text = value.isString() ? value.stringValue().strip().replace("-", "").toLowerCase(Locale.ROOT) : null;
            if (text != null && id.getValue().matcher(text).matches()) {
                trace.put(id.getKey(), text);
            } else {
                trace.remove(id.getKey());
                if (!value.isNull()) {
                    problems.invalid(List.of("contexts", "trace", id.getKey()), "expected a " + id.getKey().replace('_', ' '), value);
                }
            }
        }
        if (transaction) {
            if (Nodes.string(trace, "op") == null) {
                trace.put("op", "default");
            }
            if (Nodes.string(trace, "status") == null) {
                trace.put("status", "unknown");
            }
        }
    }
}
