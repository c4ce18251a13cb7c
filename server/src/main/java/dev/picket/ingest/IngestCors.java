package dev.picket.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets browser SDKs send from any origin: the CORS headers go on every ingest response, refusals
 * included, so that the SDK can read {@code Retry-After} and {@code X-Sentry-Rate-Limits}.
 */
final class IngestCors {

    private static final String ALLOWED_HEADERS = "x-sentry-auth, x-requested-with, origin, accept, "
            + "content-type, content-encoding, authentication, authorization, sentry-trace, baggage";

    private IngestCors() {
    }

    static void addHeaders(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        response.setHeader("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        response.setHeader("Access-Control-Expose-Headers", "x-sentry-error, x-sentry-rate-limits, retry-after");
        response.addHeader("Vary", "Origin");
    }

    static void answerPreflight(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "3600");
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
