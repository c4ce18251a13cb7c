package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.testing.PicketClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated transactions and error events, as SDKs send them in envelopes: for data sets whose
 * every duration, cold start and timeout a test must know exactly.
 */
public final class TraceEnvelopes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TraceEnvelopes() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A transaction of {@code trace} with root span {@code spanId}, from {@code start} for {@code millis}. */
    public static ObjectNode transaction(String name, String traceId, String spanId, String parentSpanId,
                                         long startMillis, double millis, String status) {
        ObjectNode transaction = JSON.createObjectNode();
        transaction.put("event_id", newId());
        transaction.put("type", "transaction");
        transaction.put("platform", "java");
        transaction.put("transaction", name);
        transaction.put("start_timestamp", startMillis / 1000.0);
        transaction.put("timestamp", (startMillis + millis) / 1000.0);
        ObjectNode trace = transaction.putObject("contexts").putObject("trace");
        trace.put("trace_id", traceId);
        trace.put("span_id", spanId);
        if (parentSpanId != null) {
            trace.put("parent_span_id", parentSpanId);
        }
        trace.put("op", "function");
        trace.put("status", status);
        transaction.putArray("spans");
        return transaction;
    }

    /** Adds a child span to {@code transaction}. */
    public static void addSpan(ObjectNode transaction, String spanId, String parentSpanId, String op,
                               String description, long startMillis, double millis, String status) {
        ObjectNode span = transaction.withArray("spans").addObject();
        span.put("trace_id", transaction.get("contexts").get("trace").get("trace_id").asString());
        span.put("span_id", spanId);
        span.put("parent_span_id", parentSpanId);
        span.put("op", op);
        span.put("description", description);
        span.put("start_timestamp", startMillis / 1000.0);
        span.put("timestamp", (startMillis + millis) / 1000.0);
        span.put("status", status);
    }

    /** An error event at {@code timestampMillis}, in {@code trace} on {@code spanId} when they are not null. */
    public static ObjectNode error(String type, String message, long timestampMillis, String traceId, String spanId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", newId());
        event.put("platform", "java");
        event.put("level", "error");
        event.put("timestamp", timestampMillis / 1000.0);
        ObjectNode exception = event.putObject("exception").putArray("values").addObject();
        exception.put("type", type);
        exception.put("value", message);
        if (traceId != null) {
            ObjectNode trace = event.putObject("contexts").putObject("trace");
            trace.put("trace_id", traceId);
            trace.put("span_id", spanId);
        }
        return event;
    }

    /** Sends {@code item} (a transaction or an error event) in an envelope of its own. */
    public static void send(PicketClient picket, PicketClient.Project project, ObjectNode item) {
        String type = item.path("type").asString("").equals("transaction") ? "transaction" : "event";
        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        String headers = "{\"event_id\":\"" + item.get("event_id").asString() + "\"}\n{\"type\":\"" + type + "\"}\n";
        envelope.writeBytes(headers.getBytes(StandardCharsets.UTF_8));
        envelope.writeBytes(JSON.writeValueAsBytes(item));
        envelope.write('\n');
        var response = picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                envelope.toByteArray());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
