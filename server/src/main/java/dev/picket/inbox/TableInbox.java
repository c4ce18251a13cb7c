package dev.picket.inbox;

import dev.picket.store.WriterTurns;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The inbox as a database table, written with group commit: callers compress their entry on their
 * own thread and queue it; one writer thread takes everything queued (up to
 * {@link InboxProperties#maxBatch()}), inserts it in one transaction and then releases all those
 * callers at once. One disk sync thus serves many requests.
 */
@Component
public class TableInbox implements Inbox, SmartLifecycle {

    /**
     * Below the web server's phases, so the inbox starts before requests arrive and stops only
     * after the requests in flight at shutdown have been answered.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(TableInbox.class);
    private static final long STOP_WAIT_MILLIS = 60_000;

    /** Queued by {@link #stop()} behind the last entries: the writer commits them, then ends. */
    private static final PendingAppend END = new PendingAppend(0, null, 0, new byte[0]);

    private final InboxBatchWriter writer;
    private final InboxProperties properties;
    private final List<InboxCommitListener> listeners;
    private final BlockingQueue<PendingAppend> pending;
    private final InboxMetrics metrics;
    private final WriterTurns turns;

    private volatile boolean running;
    private volatile boolean writerEnded;
    private Thread writerThread;

    public TableInbox(DataSource dataSource, InboxProperties properties, MeterRegistry registry,
                      List<InboxCommitListener> listeners, WriterTurns turns) {
        this.writer = new InboxBatchWriter(dataSource);
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
        this.pending = new ArrayBlockingQueue<>(properties.maxPending());
        this.metrics = new InboxMetrics(registry, pending);
        this.turns = turns;
    }

    @Override
    public void append(InboxEntry entry) throws InterruptedException {
        if (!running) {
            throw new InboxUnavailableException("inbox is not running");
        }
        PendingAppend append = new PendingAppend(entry.projectId(), entry.eventId(), entry.receivedAt(),
                CompressedPayloads.compress(entry.envelope(), 0, entry.length()));
        if (!pending.offer(append, properties.fullWait().toNanos(), TimeUnit.NANOSECONDS)) {
            metrics.rejectedFull();
            throw new InboxUnavailableException("inbox is full: " + properties.maxPending()
                    + " entries are waiting for the disk");
        }
        // An entry queued after the writer ended would wait forever; take it back if nobody took it.
        if (writerEnded && pending.remove(append)) {
            throw new InboxUnavailableException("inbox is not running");
        }
        append.await();
    }

    /** Entries queued and not yet taken by the writer. */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        writerEnded = false;
        running = true;
        writerThread = Thread.ofPlatform().name("picket-inbox-writer").start(this::writeUntilEnd);
    }

    /** Refuses new entries and returns once every entry already queued is committed. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            // The writer keeps draining, so room for END comes as fast as the disk allows.
            pending.put(END);
            writerThread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            writerThread.interrupt();
            Thread.currentThread().interrupt();
        }
        writerEnded = true;
        List<PendingAppend> left = new ArrayList<>();
        pending.drainTo(left);
        left.stream().filter(a -> a != END)
                .forEach(a -> a.fail("inbox is not running", null));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void writeUntilEnd() {
        try (writer) {
            List<PendingAppend> batch = new ArrayList<>(properties.maxBatch());
            boolean end = false;
            while (!end) {
                try {
                    batch.add(pending.take());
                } catch (InterruptedException e) {
                    // Only a stop() that was itself interrupted does this; it fails what is still queued.
                    return;
                }
                pending.drainTo(batch, properties.maxBatch() - 1);
                end = batch.remove(END);
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                batch.clear();
            }
        }
    }

    private void commit(List<PendingAppend> batch) {
        long start = System.nanoTime();
        try {
            int dropped = turns.take(() -> writer.write(batch));
            metrics.committed(batch.size(), dropped, System.nanoTime() - start);
        } catch (SQLException | RuntimeException e) {
            log.warn("inbox could not commit {} entries; their senders will retry", batch.size(), e);
            metrics.failed(batch.size());
            batch.forEach(a -> a.fail("inbox write failed: " + e.getMessage(), e));
            return;
        }
        batch.forEach(PendingAppend::succeed);
        for (InboxCommitListener listener : listeners) {
            try {
                listener.inboxCommitted();
            } catch (RuntimeException e) {
                log.warn("inbox commit listener {} failed", listener, e);
            }
        }
    }
}
