package dev.picket.bench;

/** What one load run saw from the client side. */
public record LoadResult(int sent, int accepted, int tooManyRequests, int otherClientErrors, int serverErrors,
                         int transportFailures, String firstFailure, long elapsedNanos, Latencies latencies) {

    public double acceptedPerSecond() {
        return elapsedNanos == 0 ? 0 : accepted * 1e9 / elapsedNanos;
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
