package dev.picket.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends pre-made gzip envelopes to one target, as SDKs do, with virtual-thread senders, each on
 * its own keep-alive HTTP/1.1 connection ({@link Http1Connection}). In
 * fixed-rate mode a request's latency counts from when it was due, not from when a sender got
 * to it, so a server that falls behind shows it in the percentiles (no coordinated omission).
 * Always stops by itself: after the last body, or at the plan's duration.
 */
public final class LoadGenerator {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public LoadResult run(IngestTarget target, RequestBodies bodies, LoadPlan plan) throws InterruptedException {
        LoopbackOnly.check(target.envelopeUrl());
        Run run = new Run(target, bodies, plan);
        return run.execute();
    }

    private final class Run {
        private final IngestTarget target;
        private final RequestBodies bodies;
        private final LoadPlan plan;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger tooMany = new AtomicInteger();
        private final AtomicInteger clientErrors = new AtomicInteger();
        private final AtomicInteger serverErrors = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final long[] latencies;
        private final AtomicInteger recorded = new AtomicInteger();
        private long start;
        private long deadline;

        Run(IngestTarget target, RequestBodies bodies, LoadPlan plan) {
            this.target = target;
            this.bodies = bodies;
            this.plan = plan;
            this.latencies = new long[bodies.count()];
        }

        LoadResult execute() throws InterruptedException {
            start = System.nanoTime();
            deadline = start + plan.maxDuration().toNanos();
            List<Thread> senders = new ArrayList<>(plan.concurrency());
            for (int i = 0; i < plan.concurrency(); i++) {
                senders.add(Thread.ofVirtual().name("bench-sender-" + i).start(this::sendUntilDone));
            }
            for (Thread sender : senders) {
                sender.join();
            }
            long elapsed = System.nanoTime() - start;
            return new LoadResult(sent.get(), accepted.get(), tooMany.get(), clientErrors.get(), serverErrors.get(),
                    failures.get(), firstFailure.get(), elapsed, new Latencies(latencies, recorded.get()));
        }

        private void sendUntilDone() {
            try (Http1Connection connection = new Http1Connection(target.envelopeUrl(), target.authHeader(),
                    REQUEST_TIMEOUT)) {
                sendUntilDone(connection);
            }
        }

        private void sendUntilDone(Http1Connection connection) {
            while (!Thread.currentThread().isInterrupted()) {
                int index = next.getAndIncrement();
                if (index >= bodies.count()) {
                    return;
                }
                long due = plan.fixedRate() ? start + (long) (index * 1e9 / plan.ratePerSecond()) : System.nanoTime();
                if (due >= deadline || System.nanoTime() >= deadline) {
                    return;
                }
                waitUntil(due);
                send(connection, bodies.gzipped()[index], due);
            }
        }

        private void send(Http1Connection connection, byte[] body, long due) {
            sent.incrementAndGet();
            try {
                Http1Connection.Response response = connection.post(body);
                long latency = System.nanoTime() - due;
                int status = response.status();
                if (status / 100 == 2) {
                    accepted.incrementAndGet();
                    latencies[recorded.getAndIncrement()] = latency;
                } else {
                    if (status == 429) {
                        tooMany.incrementAndGet();
                    } else if (status / 100 == 4) {
                        clientErrors.incrementAndGet();
                    } else {
                        serverErrors.incrementAndGet();
                    }
                    firstFailure.compareAndSet(null, "HTTP " + status + ": " + abbreviate(response.body()));
                }
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private static void waitUntil(long due) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }

        private static String abbreviate(String text) {
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }
}
