package dev.picket.processing.normalize;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code logentry} interface, after Relay: a plain string is the formatted message; {@code message}
 * with {@code params} is formatted (printf-style {@code %s} / {@code %(name)s}, or {@code {}} / {@code {0}}
 * placeholders); {@code message} moves to {@code formatted} when only it is given or both are equal; both
 * are limited to 8192 characters.
 */
final class LogEntries {

    static final int MAX_CHARS = 8192;
    private static final StringRule RULE = StringRule.limit(MAX_CHARS);
    private static final Pattern PRINTF = Pattern.compile("%(?:\\((\\w+)\\))?[-#0 +]*(?:\\d+|\\*)?(?:\\.(\\d{1,2}))?[hlL]?([diouxXeEfFgGcrsa%])");
    private static final Pattern CURLY = Pattern.compile("\\{(\\d*)}");

    private LogEntries() {
    }

    /** Normalizes {@code event.logentry} and returns its formatted text, or null. */
    static String apply(ObjectNode event, Problems problems) {
        JsonNode value = event.get("logentry");
        if (value == null) {
            return null;
        }
        ObjectNode entry;
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            entry = event.putObject("logentry").put("formatted", value.asString());
        } else if (value instanceof ObjectNode object) {
            entry = object;
        } else {
            event.remove("logentry");
            if (!value.isNull()) {
                problems.invalid(List.of("logentry"), "expected a log entry", value);
            }
            return null;
        }
        String message = StringRule.PLAIN.lenientValues().apply(entry, "message", List.of("logentry", "message"), problems);
        String formatted = StringRule.PLAIN.lenientValues().apply(entry, "formatted", List.of("logentry", "formatted"), problems);
        if (message == null && formatted == null) {
            event.remove("logentry");
            if (!entry.isEmpty()) {
                problems.invalid(List.of("logentry"), "no message present", null);
            }
            return null;
        }
        JsonNode params = entry.get("params");
        if (formatted == null && params != null && !params.isNull()) {
            formatted = format(message, params);
        }
        if (formatted == null || formatted.equals(message)) {
            entry.remove("message");
            formatted = message;
            message = null;
        }
        entry.put("formatted", RULE.cut(formatted, List.of("logentry", "formatted"), problems));
        if (message != null) {
            entry.put("message", RULE.cut(message, List.of("logentry", "message"), problems));
        }
        return entry.get("formatted").stringValue();
    }

    /** The formatted message, or null when the placeholders do not match the parameters. */
    static String format(String template, JsonNode params) {
        if (template.contains("%")) {
            return formatPrintf(template, params);
        }
        if (template.contains("{")) {
            return formatCurly(template, params);
        }
        return null;
    }

    private static String formatPrintf(String template, JsonNode params) {
        Matcher matcher = PRINTF.matcher(template);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (matcher.find()) {
            String replacement;
            String conversion = matcher.group(3);
            if (conversion.equals("%")) {
                replacement = "%";
            } else {
                JsonNode param = matcher.group(1) != null
                        ? params instanceof ObjectNode named ? named.get(matcher.group(1)) : null
                        : params instanceof ArrayNode positional ? positional.get(next++) : null;
                replacement = printf(param, conversion, matcher.group(2));
            }
            if (replacement == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String formatCurly(String template, JsonNode params) {
        if (!(params instanceof ArrayNode positional)) {
            return null;
        }
        Matcher matcher = CURLY.matcher(template);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (matcher.find()) {
            if (matcher.group(1).length() > 6) {
                return null;
            }
            int index = matcher.group(1).isEmpty() ? next++ : Integer.parseInt(matcher.group(1));
            String replacement = text(positional.get(index));
            if (replacement == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Renders numbers as Python's {@code %d} and {@code %.Nf} do; everything else as text. */
    private static String printf(JsonNode param, String conversion, String precision) {
        if (param != null && param.isNumber()) {
            if ("diu".contains(conversion)) {
                return String.valueOf((long) param.doubleValue());
            }
            if ("fF".contains(conversion)) {
                return String.format(Locale.ROOT, "%." + (precision == null ? "6" : precision) + "f", param.doubleValue());
            }
        }
        return text(param);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
