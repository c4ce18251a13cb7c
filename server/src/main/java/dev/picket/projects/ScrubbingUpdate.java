package dev.picket.projects;

import dev.picket.api.ApiException;
import dev.picket.processing.scrub.ScrubbingConfig;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Applies the data scrubbing fields of a project update (Sentry's {@code dataScrubber},
 * {@code dataScrubberDefaults}, {@code scrubIPAddresses}, {@code sensitiveFields}, {@code safeFields},
 * and Picket's {@code scrubEmails}, {@code customScrubPatterns}) to the current settings: a field
 * left out keeps its value, as in Sentry.
 */
final class ScrubbingUpdate {

    private ScrubbingUpdate() {
    }

    /** @throws ApiException 400 naming the field that is of the wrong type or not a valid pattern */
    static ScrubbingConfig apply(ScrubbingConfig current, JsonNode body) {
        try {
            return new ScrubbingConfig(
                    bool(body, "dataScrubber", current.enabled()),
                    bool(body, "dataScrubberDefaults", current.scrubDefaults()),
                    bool(body, "scrubIPAddresses", current.scrubIpAddresses()),
                    bool(body, "scrubEmails", current.scrubEmails()),
                    strings(body, "sensitiveFields", current.sensitiveFields()),
                    strings(body, "safeFields", current.safeFields()),
                    strings(body, "customScrubPatterns", current.customPatterns()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    static boolean touches(JsonNode body) {
        for (String field : List.of("dataScrubber", "dataScrubberDefaults", "scrubIPAddresses", "scrubEmails",
                "sensitiveFields", "safeFields", "customScrubPatterns")) {
            if (body.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bool(JsonNode body, String field, boolean current) {
        JsonNode value = body.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    /** A list of strings; Sentry's settings page also sends them as one string, one entry per line. */
    private static List<String> strings(JsonNode body, String field, List<String> current) {
        JsonNode value = body.get(field);
        if (value == null) {
            return current;
        }
        if (value.isString()) {
            return value.stringValue().lines().toList();
        }
        if (!value.isArray()) {
            throw ApiException.badRequest("'" + field + "' must be a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isString()) {
                throw ApiException.badRequest("'" + field + "' must be a list of strings");
            }
            result.add(entry.stringValue());
        }
        return result;
    }
}
