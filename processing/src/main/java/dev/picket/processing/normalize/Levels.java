package dev.picket.processing.normalize;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event level, after Relay: one of debug, info, warning, error, fatal; the aliases {@code log},
 * {@code warn}, {@code critical} and Python's numeric logging levels are accepted; missing means
 * {@code info} for transactions and {@code error} otherwise.
 */
final class Levels {

    private Levels() {
    }

    static String apply(ObjectNode event, String type, Problems problems) {
        JsonNode node = event.get("level");
        String level = node == null ? null : parse(node);
        if (level == null) {
            if (node != null && !node.isNull()) {
                problems.invalid(List.of("level"), "expected a level", node);
            }
            level = "transaction".equals(type) ? "info" : "error";
        }
        event.put("level", level);
        return level;
    }

    private static String parse(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return switch (node.asInt()) {
                case 10 -> "debug";
                case 20 -> "info";
                case 30 -> "warning";
                case 40 -> "error";
                case 50 -> "fatal";
                default -> null;
            };
        }
        if (!node.isString()) {
            return null;
        }
        return switch (node.stringValue().strip().toLowerCase(Locale.ROOT)) {
            case "debug" -> "debug";
            case "info", "log" -> "info";
            case "warning", "warn" -> "warning";
            case "error" -> "error";
            case "fatal", "critical" -> "fatal";
            default -> null;
        };
    }
}
