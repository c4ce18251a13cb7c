package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.processing.scrub.Scrubber;
import dev.picket.traces.FunctionFacts;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a transaction ready for storage: scrubbed with its project's settings (span data and request
 * details can carry secrets as much as errors do), then split into the transaction, whose root span
 * is the trace context, and its child spans; the serverless function it ran in and its cold start
 * are read as the event normalizer derives the {@code function} and {@code cold_start} tags. Thread-safe.
 */
final class TransactionPreparer {

    private final Scrubber scrubber;
    private final ScrubbingSettings settings;

    TransactionPreparer(Scrubber scrubber, ScrubbingSettings settings) {
        this.scrubber = scrubber;
        this.settings = settings;
    }

    PreparedItem.Transaction prepare(long projectId, String eventId, long receivedAt, ObjectNode transaction) {
        transaction.put("event_id", eventId);
        scrubber.scrub(transaction, settings.forProject(projectId));
        JsonNode trace = JsonFields.at(transaction, "contexts", "trace");
        String traceId = JsonFields.text(trace, "trace_id");
        String spanId = JsonFields.text(trace, "span_id");
        long end = JsonFields.millis(transaction, "timestamp", receivedAt);
        long start = JsonFields.millis(transaction, "start_timestamp", end);
        String release = JsonFields.text(transaction, "release");
        String environment = JsonFields.text(transaction, "environment");
        FunctionFacts function = FunctionFacts.of(transaction);
        List<PreparedItem.Span> spans = new ArrayList<>();
        JsonNode children = JsonFields.at(transaction, "spans");
        if (children != null && children.isArray() && traceId != null) {
            for (JsonNode span : children) {
                String childId = JsonFields.text(span, "span_id");
                if (childId == null) {
                    continue;
                }
                long spanEnd = JsonFields.millis(span, "timestamp", end);
                spans.add(new PreparedItem.Span(projectId, traceId, childId, JsonFields.text(span, "parent_span_id"),
                        spanId, eventId, false, JsonFields.text(span, "description"), JsonFields.text(span, "op"),
                        JsonFields.text(span, "description"), JsonFields.text(span, "status"),
                        JsonFields.millis(span, "start_timestamp", spanEnd), spanEnd, release, environment, receivedAt,
                        CompressedPayloads.compress(JsonTrees.bytes(span))));
            }
        }
        return new PreparedItem.Transaction(projectId, eventId, receivedAt, traceId, spanId,
                JsonFields.text(trace, "parent_span_id"), JsonFields.text(transaction, "transaction"),
                JsonFields.text(trace, "op"), JsonFields.text(trace, "status"), start, end, release, environment,
                function.function(), function.coldStart(), CompressedPayloads.compress(JsonTrees.bytes(transaction)),
                spans);
    }
}
