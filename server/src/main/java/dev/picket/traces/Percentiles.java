package dev.picket.traces;

/** Exact nearest-rank percentiles: the smallest value with at least p % of the values at or below it. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sorted ascending, not empty
     * @param p      in (0, 100]
     */
    static double nearestRank(double[] sorted, int from, int to, double p) {
        int n = to - from;
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[from + Math.max(rank, 1) - 1];
    }
}
