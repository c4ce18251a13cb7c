package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.processing.scrub.Scrubber;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads standalone {@code span} items of the v2 span format ({@code {"version":2,"items":[…]}},
 * attributes as {@code {"key":{"value":…,"type":…}}}) into spans. Attributes are scrubbed as an
 * event's {@code extra} is, so request headers and user data in them follow the project's settings.
 * Thread-safe.
 */
final class SpanItemPreparer {

    private final Scrubber scrubber;
    private final ScrubbingSettings settings;

    SpanItemPreparer(Scrubber scrubber, ScrubbingSettings settings) {
        this.scrubber = scrubber;
        this.settings = settings;
    }

    List<PreparedItem.Span> prepare(long projectId, long receivedAt, ObjectNode container) {
        JsonNode items = JsonFields.at(container, "items");
        if (items == null || !items.isArray()) {
            throw new UnprocessableItemException("span item has no 'items' array (expected the v2 span format)");
        }
        List<PreparedItem.Span> spans = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!(item instanceof ObjectNode span)) {
                continue;
            }
            String traceId = JsonFields.text(span, "trace_id");
            String spanId = JsonFields.text(span, "span_id");
            if (traceId == null || spanId == null) {
                continue;
            }
            scrubAttributes(projectId, span);
            long end = JsonFields.millis(span, "end_timestamp", receivedAt);
            spans.add(new PreparedItem.Span(projectId, traceId, spanId, JsonFields.text(span, "parent_span_id"),
                    attribute(span, "sentry.segment.id"), null, JsonFields.bool(span, "is_segment"),
                    JsonFields.text(span, "name"), attribute(span, "sentry.op"), attribute(span, "sentry.description"),
                    JsonFields.text(span, "status"), JsonFields.millis(span, "start_timestamp", end), end,
                    attribute(span, "sentry.release"), attribute(span, "sentry.environment"), receivedAt,
                    CompressedPayloads.compress(JsonTrees.bytes(span))));
        }
        return spans;
    }

    private void scrubAttributes(long projectId, ObjectNode span) {
        JsonNode attributes = span.get("attributes");
        if (attributes instanceof ObjectNode object) {
            ObjectNode carrier = JsonNodeFactory.instance.objectNode();
            carrier.set("extra", object);
            scrubber.scrub(carrier, settings.forProject(projectId));
            span.set("attributes", carrier.get("extra"));
        }
    }

    private static String attribute(JsonNode span, String key) {
        return JsonFields.text(span, "attributes", key, "value");
    }
}
