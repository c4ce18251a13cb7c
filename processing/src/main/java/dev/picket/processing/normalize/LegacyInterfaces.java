package dev.picket.processing.normalize;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renames the interface keys old SDKs (raven-*) send to the names of the current protocol. When both
 * the old and the current name are present the current one wins, as in Relay.
 */
final class LegacyInterfaces {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("sentry.interfaces.Exception", "exception"),
            Map.entry("sentry.interfaces.Message", "logentry"),
            Map.entry("sentry.interfaces.Http", "request"),
            Map.entry("sentry.interfaces.User", "user"),
            Map.entry("sentry.interfaces.Contexts", "contexts"),
            Map.entry("sentry.interfaces.Breadcrumbs", "breadcrumbs"),
            Map.entry("sentry.interfaces.Stacktrace", "stacktrace"),
            Map.entry("sentry.interfaces.Template", "template"),
            Map.entry("sentry.interfaces.DebugMeta", "debug_meta"),
            Map.entry("sentry.interfaces.Csp", "csp"),
            Map.entry("sentry.interfaces.Hpkp", "hpkp"),
            Map.entry("sentry.interfaces.ExpectCT", "expectct"),
            Map.entry("sentry.interfaces.ExpectStaple", "expectstaple"));

    private LegacyInterfaces() {
    }

    static void rename(ObjectNode event) {
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            JsonNode legacy = event.remove(alias.getKey());
            if (legacy != null && !hasValue(event, alias.getValue())) {
                event.set(alias.getValue(), legacy);
            }
        }
        moveMessageIntoLogEntry(event);
    }

    /**
     * {@code message} is the oldest alias of {@code logentry}. A plain string becomes the formatted
     * message; next to a log entry that has no formatted text it fills that in.
     */
    private static void moveMessageIntoLogEntry(ObjectNode event) {
        JsonNode message = event.remove("message");
        if (message == null || message.isNull()) {
            return;
        }
        JsonNode logentry = event.get("logentry");
        if (!hasValue(event, "logentry")) {
            event.set("logentry", message);
        } else if (logentry instanceof ObjectNode entry && message.isString() && Nodes.string(entry, "formatted") == null) {
            entry.put("formatted", message.stringValue());
        }
    }

    private static boolean hasValue(ObjectNode event, String name) {
        JsonNode value = event.get(name);
        return value != null && !value.isNull();
    }
}
