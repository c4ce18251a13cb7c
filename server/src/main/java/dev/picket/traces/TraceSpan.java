package dev.picket.traces;

import java.util.List;

/**
 * One node of a trace's waterfall: a transaction (the root span of one function's work) or a span
 * inside one.
 *
 * @param kind        {@code transaction} or {@code span}
 * @param name        the transaction's name, or the span's description
 * @param function    the serverless function that ran it (from the transaction's context), or null
 * @param coldStart   whether it is a transaction that ran in a function's cold start
 * @param failed      whether its status says it failed (not ok, cancelled or unknown) or an error
 *                    event happened on it
 * @param errors      error events that happened on this span
 * @param children    spans whose parent is this one, earliest first
 */
public record TraceSpan(String spanId, String parentSpanId, String kind, long projectId, String transactionEventId,
                        String name, String op, String status, String function, boolean coldStart, long startMillis,
                        long endMillis, double durationMs, boolean failed, List<TraceError> errors,
                        List<TraceSpan> children) {
}
