package dev.picket.traces;

import java.util.Set;

/** Whether a span or transaction status is a failure, as Sentry counts failures. */
final class SpanStatus {

    private static final Set<String> NOT_FAILED = Set.of("ok", "cancelled", "unknown", "unset");

    private SpanStatus() {
    }

    /** A missing status is not a failure. */
    static boolean failed(String status) {
        return status != null && !NOT_FAILED.contains(status);
    }
}
