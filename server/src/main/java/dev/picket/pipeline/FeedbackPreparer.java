package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.processing.scrub.Scrubber;
import dev.picket.protocol.envelope.EventIds;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads what users write about errors: {@code user_report} items (the crash report dialog, naming
 * the event) and {@code feedback} events (the feedback widget; {@code contexts.feedback} may name an
 * associated event). Feedback events are scrubbed like any event; the contact e-mail is what the
 * user chose to leave, so it is kept unless the project scrubs e-mails. Thread-safe.
 */
final class FeedbackPreparer {

    private final Scrubber scrubber;
    private final ScrubbingSettings settings;

    FeedbackPreparer(Scrubber scrubber, ScrubbingSettings settings) {
        this.scrubber = scrubber;
        this.settings = settings;
    }

    PreparedItem.UserReport userReport(long projectId, long receivedAt, ObjectNode report) {
        String eventId = eventId(JsonFields.text(report, "event_id"), "user_report item");
        if (eventId == null) {
            throw new UnprocessableItemException("user_report item has no event_id");
        }
        return new PreparedItem.UserReport(projectId, "user_report", eventId, eventId, JsonFields.text(report, "name"),
                JsonFields.text(report, "email"), comments(JsonFields.text(report, "comments"), "user_report"), null,
                receivedAt, CompressedPayloads.compress(JsonTrees.bytes(report)));
    }

    PreparedItem.UserReport feedback(long projectId, String eventId, long receivedAt, ObjectNode feedback) {
        feedback.put("event_id", eventId);
        scrubber.scrub(feedback, settings.forProject(projectId));
        String associated = eventId(JsonFields.text(feedback, "contexts", "feedback", "associated_event_id"),
                "feedback item");
        return new PreparedItem.UserReport(projectId, "feedback", eventId, associated,
                JsonFields.text(feedback, "contexts", "feedback", "name"),
                JsonFields.text(feedback, "contexts", "feedback", "contact_email"),
                comments(JsonFields.text(feedback, "contexts", "feedback", "message"), "feedback"),
                JsonFields.text(feedback, "contexts", "feedback", "url"), receivedAt,
                CompressedPayloads.compress(JsonTrees.bytes(feedback)));
    }

    private static String comments(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new UnprocessableItemException(what + " item has no message");
        }
        return text;
    }

    private static String eventId(String id, String what) {
        if (id == null) {
            return null;
        }
        try {
            return EventIds.normalize(id);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableItemException(what + ": event id " + e.getMessage());
        }
    }
}
