package dev.picket.alerts;

import dev.picket.issues.EventTag;
import dev.picket.issues.Occurrence;
import java.util.List;
import java.util.Map;

/**
 * Which events count for a rule; every filter set must hold, an unset one (null) lets all pass.
 *
 * @param level       the lowest level that counts (debug &lt; info &lt; warning &lt; error &lt; fatal)
 * @param environment the event's environment, exactly
 * @param release     the event's release, exactly
 * @param function    the event's {@code function} tag, exactly
 * @param tags        tags the event must carry with exactly these values
 */
public record AlertFilters(String level, String environment, String release, String function,
                           Map<String, String> tags) {

    static final List<String> LEVELS = List.of("debug", "info", "warning", "error", "fatal");

    public AlertFilters {
        tags = Map.copyOf(tags);
        if (level != null && !LEVELS.contains(level)) {
            throw new IllegalArgumentException("level must be one of " + String.join(", ", LEVELS));
        }
    }

    static AlertFilters none() {
        return new AlertFilters(null, null, null, null, Map.of());
    }

    /** Whether no filter is set: every event counts. */
    boolean isEmpty() {
        return equals(none());
    }

    boolean matches(Occurrence event) {
        return levelMatches(event.level())
                && (environment == null || environment.equals(event.environment()))
                && (release == null || release.equals(event.release()))
                && (function == null || hasTag(event, "function", function))
                && tags.entrySet().stream().allMatch(tag -> hasTag(event, tag.getKey(), tag.getValue()));
    }

    private boolean levelMatches(String eventLevel) {
        // SDKs send "warn" and "critical" too, which Sentry reads as warning and fatal.
        String normalized = switch (eventLevel == null ? "error" : eventLevel) {
            case "warn" -> "warning";
            case "critical" -> "fatal";
            case String other -> other;
        };
        return level == null || LEVELS.indexOf(normalized) >= LEVELS.indexOf(level);
    }

    private static boolean hasTag(Occurrence event, String key, String value) {
        return event.tags().contains(new EventTag(key, value));
    }
}
