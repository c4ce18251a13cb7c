package dev.picket.traces;

import java.util.List;

/**
 * A trace as it has arrived so far: parts sent late or out of order simply join it, and a span
 * whose parent has not arrived is shown as a root until it does.
 *
 * @param roots     spans without a known parent, earliest first, with their subtrees
 * @param errors    every error event of the trace
 * @param rootCause the earliest failing span none of whose descendants failed, or null
 * @param functions the serverless functions that took part, in order of first appearance
 */
public record Trace(String traceId, long startMillis, long endMillis, int spanCount, List<TraceSpan> roots,
                    List<TraceError> errors, TraceSpan rootCause, List<TraceFunction> functions) {
}
