package dev.picket.traces;

/**
 * How one transaction name performed over a time range.
 *
 * @param failureRate the share of transactions whose status is not ok, cancelled or unknown, as Sentry counts it
 * @param p50         durations in milliseconds, exact nearest-rank percentiles
 */
public record TransactionSummary(String name, long count, double failureRate, double p50, double p75, double p95,
                                 double p99) {
}
