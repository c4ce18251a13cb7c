package dev.picket.traces;

/**
 * An error event of a trace, on the span it happened in (null when the SDK sent none).
 *
 * @param function       the serverless function it happened in, or null
 * @param timeoutWarning whether it is the warning the serverless library sends before a function times out
 */
public record TraceError(long projectId, String eventId, Long issueId, String spanId, String title,
                         long timestampMillis, String function, boolean timeoutWarning) {
}
