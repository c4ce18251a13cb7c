package dev.picket.bench;

import java.time.Duration;

/**
 * How to send: {@code concurrency} requests in flight at most; at a fixed {@code ratePerSecond}
 * when it is positive, else each sender starts its next request as soon as its last is answered;
 * stopping after every body was sent or after {@code maxDuration}, whichever comes first.
 */
public record LoadPlan(int concurrency, double ratePerSecond, Duration maxDuration) {

    public LoadPlan {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("the rate must not be negative");
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive");
        }
    }

    public boolean fixedRate() {
        return ratePerSecond > 0;
    }
}
