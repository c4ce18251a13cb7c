package dev.picket.pipeline;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads {@code session} updates and {@code sessions} aggregates (release health). Thread-safe. */
final class SessionItemPreparer {

    PreparedItem.Session session(long projectId, long receivedAt, ObjectNode session) {
        String release = JsonFields.text(session, "attrs", "release");
        if (release == null) {
            throw new UnprocessableItemException("session item has no attrs.release, which Sentry requires");
        }
        Double duration = JsonFields.seconds(session, "duration");
        return new PreparedItem.Session(projectId, false, JsonFields.text(session, "sid"),
                JsonFields.text(session, "did"), JsonFields.text(session, "status"), JsonFields.bool(session, "init"),
                JsonFields.longValue(session, "errors", 0), JsonFields.millis(session, "started", receivedAt),
                JsonFields.millis(session, "timestamp", receivedAt), duration == null ? null : duration * 1000,
                0, 0, 0, 0, release, JsonFields.text(session, "attrs", "environment"), receivedAt);
    }

    List<PreparedItem.Session> aggregates(long projectId, long receivedAt, ObjectNode sessions) {
        String release = JsonFields.text(sessions, "attrs", "release");
        JsonNode aggregates = JsonFields.at(sessions, "aggregates");
        if (release == null || aggregates == null || !aggregates.isArray()) {
            throw new UnprocessableItemException("sessions item needs attrs.release and an aggregates array");
        }
        String environment = JsonFields.text(sessions, "attrs", "environment");
        List<PreparedItem.Session> buckets = new ArrayList<>(aggregates.size());
        for (JsonNode bucket : aggregates) {
            buckets.add(new PreparedItem.Session(projectId, true, null, JsonFields.text(bucket, "did"), null, false, 0,
                    JsonFields.millis(bucket, "started", receivedAt), null, null,
                    JsonFields.longValue(bucket, "exited", 0), JsonFields.longValue(bucket, "errored", 0),
                    JsonFields.longValue(bucket, "crashed", 0), JsonFields.longValue(bucket, "abnormal", 0),
                    release, environment, receivedAt));
        }
        return buckets;
    }
}
