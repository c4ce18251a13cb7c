package dev.picket.traces;

/** One transaction, to link to its trace. */
public record TransactionRef(long projectId, String eventId, String traceId, String name, String status,
                             long startMillis, double durationMs) {
}
