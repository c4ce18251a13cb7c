package dev.picket.traces;

/** An error event of a trace, on the span it happened in (null when the SDK sent none). */
public record TraceError(long projectId, String eventId, Long issueId, String spanId, String title,
                         long timestampMillis) {
}
