package dev.picket.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Accepted and refused ingest requests, and how long acceptance takes. */
@Component
class IngestMetrics {

    private final MeterRegistry meters;
    private final Map<IngestRoute.Endpoint, Counter> accepted = new EnumMap<>(IngestRoute.Endpoint.class);
    private final ConcurrentMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Timer latency;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (IngestRoute.Endpoint endpoint : IngestRoute.Endpoint.values()) {
            accepted.put(endpoint, Counter.builder("picket.ingest.accepted")
                    .description("requests acknowledged after their envelope was durable")
                    .tag("endpoint", endpoint.metricName()).register(meters));
        }
        this.latency = Timer.builder("picket.ingest.latency")
                .description("time from request to durable acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
    }

    void accepted(IngestRoute.Endpoint endpoint, long startNanos) {
        accepted.get(endpoint).increment();
        latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("picket.ingest.rejected")
                .description("requests refused by ingestion").tag("reason", r).register(meters)).increment();
    }
}
