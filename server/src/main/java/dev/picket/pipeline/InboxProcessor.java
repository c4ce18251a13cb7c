package dev.picket.pipeline;

import dev.picket.inbox.InboxCommitListener;
import dev.picket.inbox.InboxRow;
import dev.picket.inbox.InboxRows;
import dev.picket.inbox.ProcessedRow;
import dev.picket.inbox.TableInbox;
import dev.picket.issues.Issues;
import dev.picket.processing.scrub.Scrubber;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Processes the inbox on one background thread: takes the oldest unprocessed rows, prepares their
 * items (events are normalized, scrubbed and grouped), and in one transaction per batch stores
 * events with their issues' counts, transactions and spans, sessions, check-ins, user reports and
 * attachments, and marks the rows processed; then it tells the {@link ProcessedBatchListener}s what the
 * batch stored. A replay stores and counts nothing twice. It wakes when the inbox
 * commits, and looks on its own every {@link ProcessorProperties#fallbackPoll()} (rows left from
 * before a restart are found on start).
 */
@Component
public class InboxProcessor implements InboxCommitListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final long STOP_WAIT_MILLIS = 30_000;
    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final DataSource dataSource;
    private final InboxRows inbox;
    private final ProcessorProperties properties;
    private final EnvelopeItems envelopeItems;
    private final Issues issues;
    private final ProcessorMetrics metrics;
    private final List<ProcessedBatchListener> listeners;

    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();

    private volatile boolean running;
    private volatile Thread thread;
    private long lastSweep = System.nanoTime() - SWEEP_EVERY_NANOS;

    public InboxProcessor(DataSource dataSource, InboxRows inbox, ProcessorProperties properties,
                          MeterRegistry registry, ScrubbingSettings scrubbing, Issues issues,
                          List<ProcessedBatchListener> listeners) {
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.properties = properties;
        this.metrics = new ProcessorMetrics(registry);
        this.envelopeItems = new EnvelopeItems(new Scrubber(), scrubbing);
        this.issues = issues;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void inboxCommitted() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Waits until every row in the inbox when called has been processed.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long target = inbox.lastId();
        long deadline = System.nanoTime() + timeout.toNanos();
        progressLock.lock();
        try {
            while (inbox.anyUnprocessedUpTo(target)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progressed.awaitNanos(left);
            }
            return true;
        } finally {
            progressLock.unlock();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("picket-inbox-processor").start(this::processUntilStopped);
    }

    /** Lets the batch in hand finish; what is left stays in the inbox for the next start. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread t = thread;
        LockSupport.unpark(t);
        try {
            t.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the inbox and stops before it. */
    @Override
    public int getPhase() {
        return TableInbox.PHASE + 1;
    }

    private void processUntilStopped() {
        while (running) {
            long pause;
            try {
                int rows = processBatch();
                // A full batch means more may be waiting; otherwise sleep until the next commit.
                pause = rows == properties.batchSize() ? 0 : properties.fallbackPoll().toNanos();
            } catch (SQLException | RuntimeException e) {
                // The thread must outlive any failure: a dead processor would leave the inbox growing.
                log.warn("inbox processing failed; retrying in {}", properties.retryDelay(), e);
                pause = properties.retryDelay().toNanos();
            }
            if (pause > 0 && running) {
                LockSupport.parkNanos(this, pause);
            }
        }
    }

    private int processBatch() throws SQLException {
        List<InboxRow> rows = inbox.unprocessed(properties.batchSize());
        if (rows.isEmpty()) {
            sweepNowAndThen();
            return 0;
        }
        long start = System.nanoTime();
        // Reading, normalizing, scrubbing, grouping and compressing happen before the transaction, so
        // the write lock is held only for writing; rows are independent, so they are prepared in parallel.
        List<RowOutcome> prepared = rows.parallelStream().map(this::prepare).toList();
        List<PreparedItem> found = new ArrayList<>();
        List<ProcessedRow> outcomes = new ArrayList<>(rows.size());
        int failed = 0;
        long discardedByClients = 0;
        long logs = 0;
        for (RowOutcome outcome : prepared) {
            outcomes.add(outcome.processed());
            if (outcome.items() == null) {
                failed++;
                continue;
            }
            found.addAll(outcome.items().items());
            discardedByClients += outcome.items().discardedByClients();
            logs += outcome.items().logs();
        }
        long now = System.currentTimeMillis();
        List<ProcessedBatch.StoredError> stored;
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try (BatchWriter writer = new BatchWriter(tx, now)) {
                for (PreparedItem item : found) {
                    writer.write(item);
                }
                writer.finish();
                stored = writer.storedErrors();
            }
            inbox.markProcessed(tx, outcomes, now);
            // Turning autocommit back on commits without the driver beginning the next transaction.
            tx.setAutoCommit(true);
        }
        metrics.batchCommitted(rows.size(), failed, found.size(), stored.size(), System.nanoTime() - start);
        tellListeners(new ProcessedBatch(now, stored));
        metrics.clientReports(discardedByClients, logs);
        rows.forEach(row -> metrics.rowLag(now - row.receivedAt()));
        signalProgress();
        return rows.size();
    }

    private void tellListeners(ProcessedBatch batch) {
        for (ProcessedBatchListener listener : listeners) {
            try {
                listener.batchProcessed(batch);
            } catch (RuntimeException e) {
                // The batch is committed; a listener's failure must not make it be processed again.
                log.warn("a listener of processed batches failed", e);
            }
        }
    }

    /** @param items what the row holds, or null when it cannot be processed */
    private record RowOutcome(ProcessedRow processed, EnvelopeItems.PreparedRow items) {
    }

    private RowOutcome prepare(InboxRow row) {
        try {
            return new RowOutcome(ProcessedRow.done(row.id()), envelopeItems.prepare(row));
        } catch (UnprocessableRowException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            log.warn("inbox row {} of project {} cannot be processed and is set aside: {}",
                    row.id(), row.projectId(), reason);
            return new RowOutcome(ProcessedRow.failed(row.id(), reason), null);
        }
    }

    /** Lets time change issues that get no event: expired ignores end, new issues become ongoing. */
    private void sweepNowAndThen() {
        long now = System.nanoTime();
        if (now - lastSweep >= SWEEP_EVERY_NANOS) {
            lastSweep = now;
            issues.sweep();
        }
    }

    private void signalProgress() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }
}
