package dev.picket.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** What the inbox processor reports. */
final class ProcessorMetrics {

    private final Counter processed;
    private final Counter failed;
    private final Counter events;
    private final Counter stored;
    private final Counter discardedByClients;
    private final Counter logs;
    private final Timer batch;
    private final Timer lag;

    ProcessorMetrics(MeterRegistry registry) {
        processed = Counter.builder("picket.pipeline.rows.processed")
                .description("Inbox rows processed, failed ones included")
                .register(registry);
        failed = Counter.builder("picket.pipeline.rows.failed")
                .description("Inbox rows set aside because they could not be read")
                .register(registry);
        events = Counter.builder("picket.pipeline.events")
                .description("Items prepared from processed rows: events, transactions, spans, sessions, … (replays included)")
                .register(registry);
        stored = Counter.builder("picket.pipeline.events.stored")
                .description("Error events newly stored (replays not counted)")
                .register(registry);
        discardedByClients = Counter.builder("picket.pipeline.client.discarded")
                .description("Events SDKs reported in client reports as dropped before sending")
                .register(registry);
        logs = Counter.builder("picket.pipeline.logs.received")
                .description("Log records received; Picket does not store logs yet")
                .register(registry);
        batch = Timer.builder("picket.pipeline.batch")
                .description("Time to process and commit one batch of inbox rows")
                .register(registry);
        lag = Timer.builder("picket.pipeline.lag")
                .description("Time from receiving an entry to committing its processing")
                .register(registry);
    }

    void batchCommitted(int rows, int failedRows, int itemCount, int storedEvents, long nanos) {
        processed.increment(rows);
        failed.increment(failedRows);
        events.increment(itemCount);
        stored.increment(storedEvents);
        batch.record(nanos, TimeUnit.NANOSECONDS);
    }

    void clientReports(long discarded, long logRecords) {
        discardedByClients.increment(discarded);
        logs.increment(logRecords);
    }

    void rowLag(long millis) {
        lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }
}
