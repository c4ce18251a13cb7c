package dev.picket.traces;

/**
 * How one serverless function did over a time range.
 *
 * @param invocations   its transactions
 * @param errors        error events that happened in it
 * @param errorRate     errors per invocation, null without invocations
 * @param coldStarts    invocations that were cold starts
 * @param coldStartRate the share of invocations that were cold starts, null without invocations
 * @param p50           invocation durations in milliseconds, exact nearest-rank percentiles, null without invocations
 * @param timeouts      warnings the serverless library sent shortly before the function timed out
 * @param lastError     the latest of its error events, or null
 */
public record FunctionSummary(String function, long invocations, long errors, Double errorRate, long coldStarts,
                              Double coldStartRate, Double p50, Double p95, long timeouts, LastError lastError) {

    /** An error event, with the issue it belongs to. */
    public record LastError(Long issueId, String title, long timestampMillis) {
    }
}
