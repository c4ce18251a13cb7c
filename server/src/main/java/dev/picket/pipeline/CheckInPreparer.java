package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.protocol.envelope.EventIds;
import tools.jackson.databind.node.ObjectNode;

/** Reads cron monitor {@code check_in} items. Thread-safe. */
final class CheckInPreparer {

    PreparedItem.CheckIn prepare(long projectId, long receivedAt, ObjectNode checkIn) {
        String id = JsonFields.text(checkIn, "check_in_id");
        String slug = JsonFields.text(checkIn, "monitor_slug");
        String status = JsonFields.text(checkIn, "status");
        if (id == null || slug == null || status == null) {
            throw new UnprocessableItemException("check_in item needs check_in_id, monitor_slug and status");
        }
        Double duration = JsonFields.seconds(checkIn, "duration");
        return new PreparedItem.CheckIn(projectId, normalizedId(id), slug, status,
                duration == null ? null : duration * 1000, JsonFields.text(checkIn, "environment"),
                JsonFields.text(checkIn, "release"), receivedAt, CompressedPayloads.compress(JsonTrees.bytes(checkIn)));
    }

    private static String normalizedId(String id) {
        try {
            return EventIds.normalize(id);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableItemException("check_in item: check_in_id " + e.getMessage());
        }
    }
}
