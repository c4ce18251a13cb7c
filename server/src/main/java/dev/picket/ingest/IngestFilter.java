package dev.picket.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sentry's ingest endpoints. Answers as Relay does: {@code {"id": …}} on success,
 * {@code {"detail": …}} with a 4xx status on refusal, 429 with Sentry's rate-limit headers.
 *
 * <p>A filter ahead of all others rather than a controller: SDK requests need none of Spring
 * Security (ingestion checks DSN keys itself), Spring MVC's dispatch or the per-request
 * observations, and those cost several times Picket's own work per request (bench/README.md).
 * Every other path goes on down the chain untouched.
 */
class IngestFilter extends HttpFilter {

    private static final String JSON = "application/json";

    private final Ingestor ingestor;
    private final IngestMetrics metrics;
    private final JsonMapper json;

    IngestFilter(Ingestor ingestor, IngestMetrics metrics, JsonMapper json) {
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        IngestRoute route = IngestRoute.match(request.getRequestURI());
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        IngestCors.addHeaders(request, response);
        switch (request.getMethod()) {
            case "POST" -> ingest(route, request, response);
            case "OPTIONS" -> IngestCors.answerPreflight(response);
            default -> {
                response.setHeader("Allow", "POST, OPTIONS");
                refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "method " + request.getMethod() + " is not allowed");
            }
        }
    }

    private void ingest(IngestRoute route, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long start = System.nanoTime();
        String eventId;
        try {
            long projectId = parseProjectId(route.projectId());
            eventId = switch (route.endpoint()) {
                case ENVELOPE -> ingestor.envelope(projectId, request);
                case STORE -> ingestor.store(projectId, request);
                case SECURITY -> ingestor.securityReport(projectId, request);
            };
        } catch (IngestRejection rejection) {
            metrics.rejected(rejection.metricReason());
            refuse(response, rejection.status(), rejection.getMessage());
            return;
        } catch (RateLimitedException e) {
            metrics.rejected("rate_limited");
            RateLimited limited = e.limited();
            response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
            response.setHeader("X-Sentry-Rate-Limits", limited.sentryHeader());
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, limited.message());
            return;
        }
        metrics.accepted(route.endpoint(), start);
        // Event ids are validated hex: nothing to escape.
        String body = eventId == null ? "{}" : "{\"id\":\"" + eventId + "\"}";
        write(response, HttpStatus.OK, body.getBytes(StandardCharsets.US_ASCII));
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, status, json.writeValueAsBytes(Map.of("detail", detail)));
    }

    private static void write(HttpServletResponse response, HttpStatus status, byte[] body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static long parseProjectId(String projectId) {
        try {
            long id = Long.parseLong(projectId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw IngestRejection.badRequest("project id must be a positive number, got \"" + projectId + "\"");
    }
}
