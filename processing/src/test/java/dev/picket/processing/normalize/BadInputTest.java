package dev.picket.processing.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever shape a field arrives in, normalization finishes and explains what it dropped. */
class BadInputTest {

    private static final List<String> FIELDS = List.of("event_id", "level", "type", "timestamp", "start_timestamp",
            "platform", "release", "dist", "environment", "logger", "server_name", "transaction", "culprit", "message",
            "logentry", "exception", "stacktrace", "threads", "breadcrumbs", "user", "request", "contexts", "tags",
            "sdk", "spans", "errors", "_meta", "main_exception_id", "sentry.interfaces.Exception", "sentry.interfaces.User");
    private static final List<String> JUNK = List.of("null", "true", "-1", "1e308", "\"\"", "\"x\"", "[]", "[null, 1, \"a\", []]",
            "{}", "{\"values\": 3}", "{\"values\": [1, {\"frames\": 2}]}", "{\"trace\": 5, \"os\": [1]}",
            "[[\"a\"], [1, 2], [\"k\", {\"n\": 1}]]", "{\"headers\": 3, \"env\": {\"REMOTE_ADDR\": 7}, \"url\": 9}");

    @Test
    void junkInAnyFieldNeverFailsNormalization() {
        for (String field : FIELDS) {
            for (String junk : JUNK) {
                for (String itemType : List.of("event", "transaction", "feedback")) {
                    String json = "{\"" + field + "\": " + junk + "}";

                    NormalizedEvent n = Normalizing.as(itemType, json);

                    assertThat(n.facts().title()).as(json).isNotNull();
                    assertThat(n.facts().eventId()).as(json).matches("[0-9a-f]{32}");
                }
            }
        }
    }

    @Test
    void junkInsideExceptionsFramesAndUsersNeverFailsNormalization() {
        for (String junk : JUNK) {
            String json = """
                    {"exception": [{"type": %1$s, "value": %1$s, "mechanism": %1$s, "stacktrace": {"frames": [%1$s, {"function": %1$s, "in_app": %1$s}]}}],
                     "user": {"id": %1$s, "email": %1$s, "ip_address": %1$s}, "contexts": {"trace": {"trace_id": %1$s}, "browser": {"name": %1$s}},
                     "request": {"url": %1$s, "headers": {"User-Agent": %1$s}}, "logentry": {"message": "%%s %%(a)s {}", "params": %1$s}}"""
                    .formatted(junk);

            assertThat(Normalizing.event(json).facts().type()).as(json).isIn("error", "default");
        }
    }
}
