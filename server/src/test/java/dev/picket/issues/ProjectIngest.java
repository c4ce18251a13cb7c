package dev.picket.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.pipeline.InboxProcessor;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import dev.picket.testing.ReferenceRequests.Recorded;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sends to a project of a running Picket over HTTP, as SDKs do, and waits until it is processed. */
final class ProjectIngest {

    /** The key and project the reference requests were recorded with. */
    private static final String RECORDED_KEY = "abcdef0123456789abcdef0123456789";
    private static final String RECORDED_PROJECT_PATH = "/api/1/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final PicketClient picket;
    final Project project;
    private final InboxProcessor processor;

    ProjectIngest(int port, InboxProcessor processor, String projectName) {
        this.picket = new PicketClient(port);
        this.project = picket.createProject(projectName);
        this.processor = processor;
    }

    long projectId() {
        return project.id();
    }

    /** Replays a recorded request byte for byte with this project's id and key; returns the status. */
    int replay(Recorded recorded) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("Content-Type", "Content-Encoding", "User-Agent", "X-Sentry-Auth")) {
            String value = recorded.header(name);
            if (value != null) {
                headers.put(name, value.replace(RECORDED_KEY, project.publicKey()));
            }
        }
        String path = recorded.path().replace(RECORDED_PROJECT_PATH, "/api/" + project.id() + "/")
                .replace(RECORDED_KEY, project.publicKey());
        return picket.post(path, headers, recorded.wireBody()).statusCode();
    }

    /** Sends an event in an envelope; returns its id. */
    String send(ObjectNode event) {
        String eventId = event.has("event_id") ? event.get("event_id").asString() : EventIds.random();
        event.put("event_id", eventId);
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                Envelopes.event(eventId, JSON.writeValueAsBytes(event)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return eventId;
    }

    void awaitProcessed() throws InterruptedException {
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).as("processed within 60 s").isTrue();
    }

    /** An error event with one exception, as an SDK sends it, with the current time. */
    static ObjectNode error(String type, String value) {
        ObjectNode event = JSON.createObjectNode();
        event.put("platform", "java");
        event.put("level", "error");
        event.put("timestamp", System.currentTimeMillis() / 1000.0);
        ObjectNode exception = event.putObject("exception").putArray("values").addObject();
        exception.put("type", type);
        exception.put("value", value);
        exception.putObject("stacktrace").putArray("frames").addObject()
                .put("function", "handle").put("module", "shop.Orders").put("filename", "Orders.java")
                .put("lineno", 42).put("in_app", true);
        return event;
    }

    static ObjectNode withUser(ObjectNode event, String id) {
        event.putObject("user").put("id", id);
        return event;
    }

    static ObjectNode withRelease(ObjectNode event, String release) {
        event.put("release", release);
        return event;
    }
}
