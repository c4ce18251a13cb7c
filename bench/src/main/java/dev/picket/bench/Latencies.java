package dev.picket.bench;

import java.util.Arrays;

/** Exact percentiles over every recorded latency (no histogram buckets: a run holds at most a few hundred thousand). */
public final class Latencies {

    private final long[] sortedNanos;

    public Latencies(long[] nanos, int count) {
        this.sortedNanos = Arrays.copyOf(nanos, count);
        Arrays.sort(sortedNanos);
    }

    /** The nearest-rank percentile in milliseconds, or NaN when nothing was recorded. */
    public double percentileMillis(double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
    }

    public double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
