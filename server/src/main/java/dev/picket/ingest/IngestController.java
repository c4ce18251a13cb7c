package dev.picket.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's ingest endpoints. Answers as Relay does: {@code {"id": …}} on success,
 * {@code {"detail": …}} with a 4xx status on refusal, 429 with Sentry's rate-limit headers.
 */
@RestController
class IngestController {

    private final Ingestor ingestor;
    private final MeterRegistry meters;
    private final Counter acceptedEnvelopes;
    private final Counter acceptedStore;
    private final Counter acceptedSecurity;
    private final Timer latency;
    private final ConcurrentMap<String, Counter> rejected = new ConcurrentHashMap<>();

    IngestController(Ingestor ingestor, MeterRegistry meters) {
        this.ingestor = ingestor;
        this.meters = meters;
        this.acceptedEnvelopes = accepted(meters, "envelope");
        this.acceptedStore = accepted(meters, "store");
        this.acceptedSecurity = accepted(meters, "security");
        this.latency = Timer.builder("picket.ingest.latency")
                .description("time from request to durable acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
    }

    @PostMapping({"/api/{projectId}/envelope/", "/api/{projectId}/envelope"})
    ResponseEntity<String> envelope(@PathVariable String projectId, HttpServletRequest request) {
        return accept(acceptedEnvelopes, ingestor::envelope, projectId, request);
    }

    @PostMapping({"/api/{projectId}/store/", "/api/{projectId}/store"})
    ResponseEntity<String> store(@PathVariable String projectId, HttpServletRequest request) {
        return accept(acceptedStore, ingestor::store, projectId, request);
    }

    @PostMapping({"/api/{projectId}/security/", "/api/{projectId}/security"})
    ResponseEntity<String> security(@PathVariable String projectId, HttpServletRequest request) {
        return accept(acceptedSecurity, ingestor::securityReport, projectId, request);
    }

    /** One ingest path of {@link Ingestor}: project id and request in, event id (or null) out. */
    private interface IngestPath {
        String ingest(long projectId, HttpServletRequest request);
    }

    private ResponseEntity<String> accept(Counter accepted, IngestPath path, String projectId,
                                          HttpServletRequest request) {
        long start = System.nanoTime();
        String eventId = path.ingest(parseProjectId(projectId), request);
        accepted.increment();
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        // Event ids are validated hex: nothing to escape.
        String body = eventId == null ? "{}" : "{\"id\":\"" + eventId + "\"}";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(IngestRejection.class)
    ResponseEntity<Detail> rejected(IngestRejection rejection) {
        countRejection(rejection.metricReason());
        return ResponseEntity.status(rejection.status()).body(new Detail(rejection.getMessage()));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Detail> rateLimited(RateLimitedException e) {
        countRejection("rate_limited");
        RateLimited limited = e.limited();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .header("X-Sentry-Rate-Limits", limited.sentryHeader())
                .body(new Detail(limited.message()));
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

    private void countRejection(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("picket.ingest.rejected")
                .description("requests refused by ingestion").tag("reason", r).register(meters)).increment();
    }

    private static Counter accepted(MeterRegistry meters, String endpoint) {
        return Counter.builder("picket.ingest.accepted")
                .description("requests acknowledged after their envelope was durable")
                .tag("endpoint", endpoint).register(meters);
    }

    /** A refusal body, as Sentry's {@code {"detail": …}}. */
    record Detail(String detail) {
    }
}
