package dev.picket.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.pipeline.InboxProcessor;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A project of a running Picket that gets alert rules and error events over HTTP, as SDKs and scripts send them. */
final class AlertTraffic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final PicketClient picket;
    final PicketClient.Project project;
    private final InboxProcessor processor;
    private final AlertEvaluator evaluator;

    AlertTraffic(int port, InboxProcessor processor, AlertEvaluator evaluator) {
        this.picket = new PicketClient(port);
        this.project = picket.createProject("alerts-" + UUID.randomUUID());
        this.processor = processor;
        this.evaluator = evaluator;
    }

    String rulesPath() {
        return "/api/0/projects/default/" + project.slug() + "/alert-rules/";
    }

    JsonNode createRule(Map<String, Object> rule) {
        return picket.api("POST", rulesPath(), rule);
    }

    JsonNode history() {
        return picket.api("GET", "/api/0/projects/default/" + project.slug() + "/alert-history/", null);
    }

    void send(ObjectNode event) {
        String eventId = EventIds.random();
        event.put("event_id", eventId);
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                Envelopes.event(eventId, JSON.writeValueAsBytes(event)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Waits until what was sent is processed and judged (deliveries may still be under way). */
    void awaitJudged() throws InterruptedException {
        assertThat(processor.awaitIdle(Duration.ofSeconds(120))).as("processed within 120 s").isTrue();
        assertThat(evaluator.awaitEvaluated(Duration.ofSeconds(60))).as("judged within 60 s").isTrue();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** An error event with one exception of {@code type}, as an SDK sends it, with the current time. */
    static ObjectNode error(String type) {
        ObjectNode event = JSON.createObjectNode();
        event.put("platform", "java");
        event.put("level", "error");
        event.put("timestamp", System.currentTimeMillis() / 1000.0);
        ObjectNode exception = event.putObject("exception").putArray("values").addObject();
        exception.put("type", type);
        exception.put("value", "order 17 could not be charged");
        exception.putObject("stacktrace").putArray("frames").addObject()
                .put("function", "charge").put("module", "shop.Payments").put("filename", "Payments.java")
                .put("lineno", 42).put("in_app", true);
        return event;
    }
}
