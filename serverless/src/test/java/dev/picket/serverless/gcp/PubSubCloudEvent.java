package dev.picket.serverless.gcp;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/** A Pub/Sub message as Eventarc delivers it to a CloudEvents function. */
record PubSubCloudEvent(String id, String json, Map<String, Object> extensions) implements CloudEvent {

    static PubSubCloudEvent message(String id, String attributesJson) {
        return new PubSubCloudEvent(id, "{\"message\":{\"attributes\":" + attributesJson
                + ",\"data\":\"eyJvcmRlciI6Im8tMSJ9\",\"messageId\":\"" + id + "\"},"
                + "\"subscription\":\"projects/shop-prod/subscriptions/orders\"}", Map.of());
    }

    PubSubCloudEvent withExtensions(Map<String, Object> more) {
        return new PubSubCloudEvent(id, json, more);
    }

    @Override
    public CloudEventData getData() {
        return () -> json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public SpecVersion getSpecVersion() {
        return SpecVersion.V1;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getType() {
        return "google.cloud.pubsub.topic.v1.messagePublished";
    }

    @Override
    public URI getSource() {
        return URI.create("//pubsub.googleapis.com/projects/shop-prod/topics/orders");
    }

    @Override
    public String getDataContentType() {
        return "application/json";
    }

    @Override
    public URI getDataSchema() {
        return null;
    }

    @Override
    public String getSubject() {
        return null;
    }

    @Override
    public OffsetDateTime getTime() {
        return OffsetDateTime.parse("2026-11-25T10:00:00Z");
    }

    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "id" -> getId();
            case "type" -> getType();
            case "source" -> getSource();
            case "specversion" -> getSpecVersion();
            default -> throw new IllegalArgumentException("no attribute " + name);
        };
    }

    @Override
    public Object getExtension(String name) {
        return extensions.get(name);
    }

    @Override
    public Set<String> getExtensionNames() {
        return extensions.keySet();
    }
}
