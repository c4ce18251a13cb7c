package dev.picket.serverless;

import java.util.List;

/**
 * The incoming trace to continue: a {@code sentry-trace} header and its {@code baggage}.
 * Both may be absent; the SDK then starts a new trace.
 */
public record TraceHeaders(String sentryTrace, List<String> baggage) {

    public static final TraceHeaders NONE = new TraceHeaders(null, List.of());

    public TraceHeaders {
        baggage = baggage == null ? List.of() : List.copyOf(baggage);
    }

    public boolean present() {
        return sentryTrace != null;
    }
}
