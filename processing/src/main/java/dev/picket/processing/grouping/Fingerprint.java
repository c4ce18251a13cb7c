package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An event's {@code fingerprint}: absent or {@code ["{{ default }}"]} keeps the built-in grouping,
 * entries with {@code {{ default }}} salt it ("hybrid"), and anything else replaces it ("custom").
 * Variables such as {@code {{ transaction }}} or {@code {{ error.type }}} resolve from the event.
 */
record Fingerprint(Kind kind, List<String> values) {

    enum Kind { DEFAULT, HYBRID, CUSTOM }

    static final String DEFAULT_VARIABLE = "{{ default }}";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\S+)\\s*\\}\\}");

    static Fingerprint of(JsonNode event, Set<String> groupedMessages, StackRules rules) {
        List<String> raw = new ArrayList<>();
        JsonNode fingerprint = Json.at(event, "fingerprint");
        if (fingerprint != null && fingerprint.isArray()) {
            for (JsonNode entry : fingerprint.values()) {
                if (entry.isString()) {
                    raw.add(entry.stringValue());
                } else if (entry.isNumber()) {
                    raw.add(entry.asString());
                } else if (entry.isBoolean()) {
                    raw.add(entry.booleanValue() ? "True" : "False");
                }
            }
        }
        if (raw.isEmpty() || (raw.size() == 1 && isDefault(raw.getFirst()))) {
            return new Fingerprint(Kind.DEFAULT, List.of(DEFAULT_VARIABLE));
        }
        Kind kind = raw.stream().anyMatch(Fingerprint::isDefault) ? Kind.HYBRID : Kind.CUSTOM;
        List<String> resolved = new ArrayList<>();
        for (String entry : raw) {
            resolved.add(resolve(entry, event, groupedMessages, rules));
        }
        return new Fingerprint(kind, List.copyOf(resolved));
    }

    static boolean isDefault(String entry) {
        return "default".equals(variableName(entry));
    }

    private static String variableName(String entry) {
        Matcher matcher = VARIABLE.matcher(entry);
        return matcher.lookingAt() && matcher.end() == entry.length() ? matcher.group(1) : null;
    }

    private static String resolve(String entry, JsonNode event, Set<String> groupedMessages, StackRules rules) {
        String name = variableName(entry);
        if ("default".equals(name)) {
            return DEFAULT_VARIABLE;
        }
        if (name == null) {
            // A fingerprint that repeats a message of the event gets the message's placeholders too.
            return groupedMessages.contains(entry) ? MessageNormalizer.parameterize(entry) : entry;
        }
        String value = variable(name, event, rules);
        if (value == null) {
            return entry; // unknown variables stay as written in the winter 2023 configuration
        }
        if (name.equals("message") && !value.equals("<no-message>")) {
            return MessageNormalizer.parameterize(value);
        }
        return value;
    }

    private static String variable(String name, JsonNode event, StackRules rules) {
        return switch (name) {
            case "transaction" -> or(Json.text(event, "transaction"), "<no-transaction>");
            case "message", "raw_message" -> or(or(EventMessages.canonicalMessage(event), lastException(event, "value")), "<no-message>");
            case "type", "error.type" -> or(lastException(event, "type"), "<no-type>");
            case "value", "raw_value", "error.value", "error.raw_value" -> or(lastException(event, "value"), "<no-value>");
            case "function", "stack.function" -> or(crashFrame(event, "function", rules), "<no-function>");
            case "path", "stack.abs_path" -> or(or(crashFrame(event, "abs_path", rules), crashFrame(event, "filename", rules)), "<no-abs-path>");
            case "stack.filename" -> or(or(crashFrame(event, "filename", rules), crashFrame(event, "abs_path", rules)), "<no-filename>");
            case "module", "stack.module" -> or(crashFrame(event, "module", rules), "<no-module>");
            case "package", "stack.package" -> or(lastSegment(crashFrame(event, "package", rules)), "<no-package>");
            case "level" -> or(Json.text(event, "level"), "<no-level>");
            case "logger" -> or(Json.text(event, "logger"), "<no-logger>");
            default -> name.startsWith("tags.") ? tag(event, name.substring(5)) : null;
        };
    }

    private static String tag(JsonNode event, String wanted) {
        String value = Json.tag(event, wanted);
        return value != null ? value : "<no-value-for-tag-" + wanted + ">";
    }

    private static String lastException(JsonNode event, String field) {
        List<JsonNode> exceptions = Json.interfaceValues(event, "exception");
        if (exceptions.isEmpty()) {
            return null;
        }
        ExceptionGrouping.TypeAndValue last = ExceptionGrouping.TypeAndValue.of(exceptions.getLast());
        return field.equals("type") ? last.type() : last.value();
    }

    /** The frame that crashed: the newest in-app frame of the main stack trace, else its newest frame. */
    private static String crashFrame(JsonNode event, String field, StackRules rules) {
        JsonNode stacktrace = null;
        List<JsonNode> exceptions = Json.interfaceValues(event, "exception");
        if (!exceptions.isEmpty()) {
            stacktrace = Json.at(exceptions.getLast(), "stacktrace");
        }
        if (stacktrace == null || Json.objects(stacktrace, "frames").isEmpty()) {
            stacktrace = Json.at(event, "stacktrace");
        }
        if (stacktrace == null || Json.objects(stacktrace, "frames").isEmpty()) {
            List<JsonNode> threads = Json.interfaceValues(event, "threads");
            stacktrace = threads.size() == 1 ? Json.at(threads.getFirst(), "stacktrace") : null;
        }
        if (stacktrace == null) {
            return null;
        }
        List<JsonNode> raw = Json.objects(stacktrace, "frames");
        List<Frame> frames = StacktraceGrouping.frames(stacktrace, Json.text(event, "platform"), rules);
        JsonNode fallback = null;
        for (int i = raw.size() - 1; i >= 0; i--) {
            if (frames.get(i).inApp) {
                return Json.text(raw.get(i), field);
            }
            if (fallback == null) {
                fallback = raw.get(i);
            }
        }
        return fallback == null ? null : Json.text(fallback, field);
    }

    private static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.substring(last.lastIndexOf('\\') + 1);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
