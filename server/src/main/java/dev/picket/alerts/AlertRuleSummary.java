package dev.picket.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A rule in words, for the list of rules: what makes it fire, which events count, where it goes. */
record AlertRuleSummary(AlertRule rule, String condition, String filters, String actions) {

    static AlertRuleSummary of(AlertRule rule) {
        return new AlertRuleSummary(rule, condition(rule), filters(rule.filters()),
                rule.actions().stream().map(a -> a.type() + ": " + a.target()).collect(Collectors.joining("; ")));
    }

    private static String condition(AlertRule rule) {
        return switch (rule.condition()) {
            case FIRST_SEEN -> "A new issue is seen";
            case REGRESSION -> "A resolved issue happens again";
            case EVENT_FREQUENCY -> "More than " + rule.threshold() + " events of an issue in " + rule.windowMinutes()
                    + " minutes";
            case UNIQUE_USERS -> "More than " + rule.threshold() + " users of an issue in " + rule.windowMinutes()
                    + " minutes";
            case SPIKE -> "A spike of events in " + rule.windowMinutes() + " minutes";
        };
    }

    private static String filters(AlertFilters filters) {
        List<String> parts = new ArrayList<>();
        if (filters.level() != null) {
            parts.add("level ≥ " + filters.level());
        }
        if (filters.environment() != null) {
            parts.add("environment " + filters.environment());
        }
        if (filters.release() != null) {
            parts.add("release " + filters.release());
        }
        if (filters.function() != null) {
            parts.add("function " + filters.function());
        }
        filters.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(tag -> parts.add(tag.getKey() + "=" + tag.getValue()));
        return parts.isEmpty() ? "all events" : String.join(", ", parts);
    }
}
