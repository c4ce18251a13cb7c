package dev.picket.pipeline;

import dev.picket.inbox.InboxCommitListener;
import dev.picket.inbox.InboxRow;
import dev.picket.inbox.InboxRows;
import dev.picket.inbox.InboxRows.ClaimedRows;
import dev.picket.inbox.ProcessedRow;
import dev.picket.inbox.TableInbox;
import dev.picket.issues.Issues;
import dev.picket.processing.scrub.Scrubber;
import dev.picket.store.JobRuns;
import dev.picket.store.SqlDialect;
import dev.picket.store.WriterTurns;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Processes the inbox on one background thread: claims the oldest unprocessed rows, prepares their
 * items (events are normalized, scrubbed and grouped), and in one transaction per batch (on SQLite,
 * per {@link #WRITE_CHUNK} rows of it) stores events with their issues' counts, transactions and
 * spans, sessions, check-ins, user reports and attachments, and marks the rows processed; then it
 * tells the {@link ProcessedBatchListener}s what that transaction stored. A replay stores and counts
 * nothing twice. It wakes when the inbox
 * commits, and looks on its own every {@link ProcessorProperties#fallbackPoll()} (rows left from
 * before a restart are found on start). On PostgreSQL several instances process one inbox side by
 * side: each batch claims its rows ({@link InboxRows#claim}), so each row is processed once.
 */
@Component
public class InboxProcessor implements InboxCommitListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final long STOP_WAIT_MILLIS = 30_000;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final String SWEEP_JOB = "issue-status-sweep";
    /** PostgreSQL's SQLSTATEs for a transaction rolled back to resolve a deadlock or a serialization conflict. */
    private static final Set<String> LOST_LOCK_CONFLICT = Set.of("40P01", "40001");
    /** How often {@link #awaitIdle} looks again when another instance may be the one processing. */
    private static final long IDLE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Rows stored per SQLite transaction: a few milliseconds of holding its write lock. */
    static final int WRITE_CHUNK = 64;

    private final DataSource dataSource;
    private final InboxRows inbox;
    private final ProcessorProperties properties;
    private final EnvelopeItems envelopeItems;
    private final Issues issues;
    private final ProcessorMetrics metrics;
    private final List<ProcessedBatchListener> listeners;
    private final JobRuns jobRuns;
    private final SqlDialect dialect;
    private final WriterTurns turns;

    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();

    private volatile boolean running;
    private volatile Thread thread;
    private ForkJoinPool preparers;
    /**
     * Set by a commit of the inbox. The thread's unpark permit alone can be lost: waits inside a
     * batch (the parallel stream's joins, the connection pool, locks) park the same thread and
     * use it up, and the processor then slept a whole fallback poll with new rows waiting.
     */
    private final AtomicBoolean committedMeanwhile = new AtomicBoolean();
    private long lastSweep = System.nanoTime() - SWEEP_EVERY.toNanos();

    public InboxProcessor(DataSource dataSource, InboxRows inbox, ProcessorProperties properties,
                          MeterRegistry registry, ScrubbingSettings scrubbing, Issues issues,
                          List<ProcessedBatchListener> listeners, JobRuns jobRuns, SqlDialect dialect,
                          WriterTurns turns) {
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.properties = properties;
        this.metrics = new ProcessorMetrics(registry);
        this.envelopeItems = new EnvelopeItems(new Scrubber(), scrubbing);
        this.issues = issues;
        this.listeners = List.copyOf(listeners);
        this.jobRuns = jobRuns;
        this.dialect = dialect;
        this.turns = turns;
    }

    @Override
    public void inboxCommitted() {
        committedMeanwhile.set(true);
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
                // Another instance may process the rows and signal nothing here.
                progressed.awaitNanos(Math.min(left, IDLE_RECHECK_NANOS));
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
        preparers = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), InboxProcessor::preparer, null, false);
        thread = Thread.ofPlatform().name("picket-inbox-processor").priority(Thread.MIN_PRIORITY)
                .start(this::processUntilStopped);
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
        preparers.shutdown();
    }

    /**
     * Processing gives way to ingestion: a request waiting for a core is an SDK waiting, a batch
     * waiting is only a later issue update. The lower priority takes effect where the JVM maps Java
     * priorities to the operating system's ({@code -XX:ThreadPriorityPolicy=1} on Linux, which
     * {@code ./picket} sets); elsewhere all threads share the cores alike.
     */
    private static ForkJoinWorkerThread preparer(ForkJoinPool pool) {
        ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        worker.setName("picket-inbox-" + worker.getName());
        worker.setPriority(Thread.MIN_PRIORITY);
        return worker;
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
            // Cleared before the batch claims rows: a commit after this point is either claimed
            // now or makes the processor look again instead of sleeping.
            committedMeanwhile.set(false);
            long pause;
            try {
                ClaimedRows batch = processBatch();
                if (batch.rows().isEmpty()) {
                    sweepNowAndThen();
                }
                // A full batch means more may be waiting; otherwise sleep until the next commit.
                pause = batch.full() ? 0 : properties.fallbackPoll().toNanos();
            } catch (SQLException | RuntimeException e) {
                pause = afterFailure(e);
            }
            idle(pause);
        }
    }

    /** Sleeps up to {@code nanos}, or until the inbox commits or Picket stops. */
    private void idle(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0 && running && !committedMeanwhile.get()) {
            LockSupport.parkNanos(this, left);
            left = deadline - System.nanoTime();
        }
    }

    /** How long to wait before the next batch after {@code e}; the thread must outlive any failure. */
    private long afterFailure(Exception e) {
        if (e instanceof SQLException sql && LOST_LOCK_CONFLICT.contains(sql.getSQLState())) {
            // Another instance's batch locked rows this one needed, in the opposite order, and the
            // database rolled this one back; nothing of it was stored, so it is simply done again.
            log.info("an inbox batch lost a lock conflict with another instance and is retried: {}", e.getMessage());
            return 0;
        }
        log.warn("inbox processing failed; retrying in {}", properties.retryDelay(), e);
        return properties.retryDelay().toNanos();
    }

    private ClaimedRows processBatch() throws SQLException {
        long start = System.nanoTime();
        ClaimedRows claimed;
        try (Connection tx = dataSource.getConnection()) {
            claimed = inbox.claim(tx, properties.batchSize(), properties.batchBytes().toBytes());
            List<InboxRow> rows = claimed.rows();
            if (rows.isEmpty()) {
                tx.setAutoCommit(true);
                return claimed;
            }
            // Reading, normalizing, scrubbing, grouping and compressing happen before the writes, so
            // SQLite's write lock is held only for writing (PostgreSQL holds just the claimed rows);
            // rows are independent, so they are prepared in parallel.
            List<RowOutcome> prepared = preparers.submit(() -> rows.parallelStream().map(this::prepare).toList()).join();
            // On SQLite, which has one write lock, the rows are stored a few at a time so that the
            // inbox's commits (and the requests waiting on them) wait for a short write only. On
            // PostgreSQL the claim's row locks last until the commit, so there is one.
            int chunk = dialect.hasOneWriteLock() ? WRITE_CHUNK : rows.size();
            for (int from = 0; from < rows.size(); from += chunk) {
                int to = Math.min(from + chunk, rows.size());
                store(tx, rows.subList(from, to), prepared.subList(from, to), start);
                start = System.nanoTime();
            }
        }
        signalProgress();
        return claimed;
    }

    /** Stores what {@code rows} held and marks them processed, in one transaction of {@code tx}. */
    private void store(Connection tx, List<InboxRow> rows, List<RowOutcome> prepared, long start) throws SQLException {
        BatchCounts counts = new BatchCounts(prepared);
        long now = System.currentTimeMillis();
        List<ProcessedBatch.StoredError> stored = turns.take(() -> {
            tx.setAutoCommit(false);
            List<ProcessedBatch.StoredError> written;
            try (BatchWriter writer = new BatchWriter(tx, now)) {
                for (PreparedItem item : counts.found) {
                    writer.write(item);
                }
                writer.finish();
                written = writer.storedErrors();
            }
            inbox.markProcessed(tx, counts.outcomes, now);
            // Turning autocommit back on commits without the driver beginning the next transaction.
            tx.setAutoCommit(true);
            return written;
        });
        metrics.batchCommitted(rows.size(), counts.failed, counts.found.size(), stored.size(),
                System.nanoTime() - start);
        tellListeners(new ProcessedBatch(now, stored));
        metrics.clientReports(counts.discardedByClients, counts.logs);
        rows.forEach(row -> metrics.rowLag(now - row.receivedAt()));
    }

    /** What the prepared rows of a batch hold, gathered for writing and for the metrics. */
    private static final class BatchCounts {
        final List<PreparedItem> found = new ArrayList<>();
        final List<ProcessedRow> outcomes;
        int failed;
        long discardedByClients;
        long logs;

        BatchCounts(List<RowOutcome> prepared) {
            outcomes = new ArrayList<>(prepared.size());
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
        }
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

    /**
     * Lets time change issues that get no event: expired ignores end, new issues become ongoing.
     * Of several instances, one sweeps per minute.
     */
    private void sweepNowAndThen() {
        long now = System.nanoTime();
        if (now - lastSweep >= SWEEP_EVERY.toNanos()) {
            lastSweep = now;
            if (jobRuns.claim(SWEEP_JOB, SWEEP_EVERY)) {
                issues.sweep();
            }
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
