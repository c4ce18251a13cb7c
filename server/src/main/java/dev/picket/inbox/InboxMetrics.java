package dev.picket.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** What the table inbox reports about its writes. */
final class InboxMetrics {

    private final Counter appended;
    private final Counter duplicates;
    private final Counter commits;
    private final Counter failed;
    private final Counter rejectedFull;
    private final DistributionSummary batchSize;
    private final Timer commitTime;

    InboxMetrics(MeterRegistry registry, Collection<?> pending) {
        appended = Counter.builder("picket.inbox.appended")
                .description("Entries made durable (duplicates included: they were acknowledged too)")
                .register(registry);
        duplicates = Counter.builder("picket.inbox.duplicates")
                .description("Entries dropped because their project and event id were already in the inbox")
                .register(registry);
        commits = Counter.builder("picket.inbox.commits")
                .description("Transactions committed by the inbox writer")
                .register(registry);
        failed = Counter.builder("picket.inbox.rejected").tag("reason", "write-failed")
                .description("Entries refused because their batch could not be committed")
                .register(registry);
        rejectedFull = Counter.builder("picket.inbox.rejected").tag("reason", "full")
                .description("Entries refused because the pending queue stayed full")
                .register(registry);
        batchSize = DistributionSummary.builder("picket.inbox.batch.size")
                .description("Entries written per transaction")
                .baseUnit("entries")
                .register(registry);
        commitTime = Timer.builder("picket.inbox.commit")
                .description("Time to write and commit one batch")
                .register(registry);
        Gauge.builder("picket.inbox.pending", pending, Collection::size)
                .description("Entries waiting for the inbox writer")
                .register(registry);
    }

    void committed(int entries, int dropped, long nanos) {
        commits.increment();
        appended.increment(entries);
        duplicates.increment(dropped);
        batchSize.record(entries);
        commitTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(int entries) {
        failed.increment(entries);
    }

    void rejectedFull() {
        rejectedFull.increment();
    }
}
