package dev.picket.ingest;

/** Carries a {@link RateLimited} answer out of the hot path. */
class RateLimitedException extends RuntimeException {

    private final RateLimited limited;

    RateLimitedException(RateLimited limited) {
        super(limited.message(), null, false, false);
        this.limited = limited;
    }

    RateLimited limited() {
        return limited;
    }
}
