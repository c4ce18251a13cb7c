package dev.picket.pipeline;

import dev.picket.issues.NewIssue;
import dev.picket.issues.Occurrence;
import java.util.List;

/**
 * An envelope item made ready for storage before the batch's transaction starts: read, normalized,
 * scrubbed, grouped and compressed, so that the write lock is held only for writing.
 */
sealed interface PreparedItem {

    long projectId();

    /**
     * An error event.
     *
     * @param issue        the issue it creates when none of its hashes is known yet
     * @param occurrence   what it adds to its issue
     * @param contextScore how much it helps a reader (see {@code Issues.recommendedEvent})
     */
    record Event(long projectId, String eventId, long receivedAt, NewIssue issue, Occurrence occurrence,
                 String type, String platform, String environment, String transaction, String traceId,
                 String spanId, String message, int contextScore, byte[] payload) implements PreparedItem {
    }

    /**
     * A transaction with the spans it carries.
     *
     * @param function  the serverless function it ran in, or null
     * @param coldStart whether that invocation was a cold start, or null when unknown
     */
    record Transaction(long projectId, String eventId, long receivedAt, String traceId, String spanId,
                       String parentSpanId, String name, String op, String status, long start, long end,
                       String release, String environment, String function, Boolean coldStart, byte[] payload,
                       List<Span> spans) implements PreparedItem {
    }

    /**
     * A span, from a transaction or a standalone span item.
     *
     * @param transactionEventId the transaction it came in, null for a standalone span
     */
    record Span(long projectId, String traceId, String spanId, String parentSpanId, String segmentId,
                String transactionEventId, boolean segment, String name, String op, String description,
                String status, long start, long end, String release, String environment, long receivedAt,
                byte[] payload) implements PreparedItem {
    }

    /** One session update, or one bucket of aggregated sessions. */
    record Session(long projectId, boolean aggregate, String sessionId, String distinctId, String status, boolean init,
                   long errors, long started, Long timestamp, Double durationMs, long exited, long errored,
                   long crashed, long abnormal, String release, String environment, long receivedAt)
            implements PreparedItem {
    }

    record CheckIn(long projectId, String checkInId, String monitorSlug, String status, Double durationMs,
                   String environment, String release, long receivedAt, byte[] payload) implements PreparedItem {
    }

    /**
     * A user report or user feedback.
     *
     * @param reportId the feedback event's id, or the reported event's id for a user report
     * @param eventId  the event it is about, or null
     */
    record UserReport(long projectId, String source, String reportId, String eventId, String name, String email,
                      String comments, String url, long receivedAt, byte[] payload) implements PreparedItem {
    }

    record Attachment(long projectId, String eventId, String filename, String contentType, String attachmentType,
                      long size, long receivedAt, byte[] data) implements PreparedItem {
    }
}
