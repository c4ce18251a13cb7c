package dev.picket.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One bench run: the same generated envelopes against the discard server, then against Picket
 * (started here or already running), then, when no rate was fixed, against Picket again at half
 * the peak it reached, for latency below saturation. End to end, the run waits until Picket's
 * processor has taken every accepted envelope.
 */
public final class Bench {

    private static final Duration DRAIN_POLL = Duration.ofMillis(50);

    private final BenchOptions options;
    private final LoadGenerator generator = new LoadGenerator();
    private final EventFactory events;

    public Bench(BenchOptions options) {
        this.options = options;
        this.events = new EventFactory(options.groups(), options.users(), options.transactionShare(), options.seed());
    }

    /** Runs against a Picket started with {@code launch} ({@link PicketServer#fromJar} or {@link PicketServer#fromClassPath}). */
    public BenchReport runStartingPicket(List<String> launch) throws IOException, InterruptedException {
        RequestBodies bodies = RequestBodies.generate(events, options.count());
        LoadResult discard = runDiscard(bodies);
        try (PicketServer server = PicketServer.start(launch, options.jvmFlags())) {
            String dsn = new PicketApi(server.baseUrl(), server.adminToken()).createProjectDsn("bench");
            BenchReport report = runPicket(bodies, discard, IngestTarget.fromDsn(dsn), server.pid(), server.readySeconds(),
                    options.jvmFlags());
            return report.withStartupLogLine(server.startupLogLine());
        }
    }

    /** Runs against the Picket behind {@link BenchOptions#dsn()}, reading {@link BenchOptions#pid()} if given. */
    public BenchReport runAgainstRunningPicket() throws IOException, InterruptedException {
        RequestBodies bodies = RequestBodies.generate(events, options.count());
        LoadResult discard = runDiscard(bodies);
        return runPicket(bodies, discard, IngestTarget.fromDsn(options.dsn()), options.pid(), Double.NaN, null);
    }

    private LoadResult runDiscard(RequestBodies bodies) throws IOException, InterruptedException {
        if (!options.discard()) {
            return null;
        }
        try (DiscardServer server = DiscardServer.start()) {
            return generator.run(IngestTarget.discard(server.baseUrl()), bodies, plan(options.rate()));
        }
    }

    private BenchReport runPicket(RequestBodies bodies, LoadResult discard, IngestTarget target, Long pid,
                                  double readySeconds, List<String> jvmFlags) throws IOException, InterruptedException {
        PicketMetrics metrics = new PicketMetrics(target.baseUrl());
        double processedBefore = metrics.read(PicketMetrics.ROWS_PROCESSED);
        ProcessStats before = pid == null ? null : ProcessStats.of(pid);
        long start = System.nanoTime();
        LoadResult peak = generator.run(target, bodies, plan(options.rate()));
        double processed = awaitProcessed(metrics, processedBefore + peak.accepted());
        double processedSeconds = (System.nanoTime() - start) / 1e9;
        ProcessStats after = pid == null ? null : ProcessStats.of(pid);
        long processedNow = (long) (processed - processedBefore);
        boolean drained = processedNow >= peak.accepted();

        double halfRate = Double.NaN;
        LoadResult atHalfRate = null;
        if (options.rate() == 0 && peak.acceptedPerSecond() > 0) {
            halfRate = peak.acceptedPerSecond() / 2;
            // About fifteen seconds of the half rate, never more than the peak run sent.
            int count = (int) Math.min(options.count(), Math.max(500, halfRate * 15));
            atHalfRate = generator.run(target, RequestBodies.generate(events, count), plan(halfRate));
        }
        return new BenchReport(bodies.count(), (double) bodies.uncompressedBytes() / bodies.count(),
                (double) bodies.compressedBytes() / bodies.count(), jvmFlags, readySeconds, discard, peak, processedNow,
                processedNow / processedSeconds, drained, after,
                after == null ? Double.NaN : after.cpuSeconds() - before.cpuSeconds(), halfRate, atHalfRate, null);
    }

    private double awaitProcessed(PicketMetrics metrics, double target) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        double processed = metrics.read(PicketMetrics.ROWS_PROCESSED);
        while (processed < target && System.nanoTime() < deadline) {
            Thread.sleep(DRAIN_POLL);
            processed = metrics.read(PicketMetrics.ROWS_PROCESSED);
        }
        return processed;
    }

    private LoadPlan plan(double rate) {
        return new LoadPlan(options.concurrency(), rate, options.maxDuration());
    }
}
