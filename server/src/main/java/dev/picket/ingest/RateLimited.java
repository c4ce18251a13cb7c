package dev.picket.ingest;

/**
 * A request over a rate limit: answered 429 with {@code Retry-After} and
 * {@code X-Sentry-Rate-Limits} so that SDKs back off.
 *
 * @param retryAfterSeconds when the window ends
 * @param scope             Sentry's scope name: {@code key} or {@code project}
 * @param reasonCode        Sentry's reason code, e.g. {@code key_quota}
 */
record RateLimited(long retryAfterSeconds, String scope, String reasonCode) {

    /** Sentry's format {@code retry_after:categories:scope:reason_code}; no categories means all. */
    String sentryHeader() {
        return retryAfterSeconds + "::" + scope + ":" + reasonCode;
    }

    String message() {
        return "rate limit of the " + scope + " exceeded; retry after " + retryAfterSeconds + " s";
    }
}
