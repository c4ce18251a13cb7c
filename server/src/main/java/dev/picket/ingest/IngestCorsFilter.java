package dev.picket.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets browser SDKs send from any origin: answers CORS preflights of the ingest endpoints and adds
 * the CORS headers to every ingest response, refusals included, so the SDK can read
 * {@code Retry-After} and {@code X-Sentry-Rate-Limits}. Runs before security: ingest carries its own auth.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestCorsFilter extends OncePerRequestFilter {

    private static final Pattern INGEST_PATH = Pattern.compile("^/api/[^/]+/(envelope|store|security)/?$");
    private static final String ALLOWED_HEADERS = "x-sentry-auth, x-requested-with, origin, accept, "
            + "content-type, content-encoding, authentication, authorization, sentry-trace, baggage";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !INGEST_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        response.setHeader("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        response.setHeader("Access-Control-Expose-Headers", "x-sentry-error, x-sentry-rate-limits, retry-after");
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "3600");
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        chain.doFilter(request, response);
    }
}
