package dev.picket.retention;

import dev.picket.store.JobRuns;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired data in the background every {@link RetentionProperties#every()}: one instance
 * of those sharing the database does it per period ({@link JobRuns}). The first pass comes a minute
 * after start, out of the way of starting up.
 */
@Component
public class RetentionScheduler implements SmartLifecycle {

    static final String JOB = "retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    private static final Duration FIRST_PASS_AFTER = Duration.ofMinutes(1);
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final ExpiredData expired;
    private final JobRuns jobRuns;
    private final RetentionProperties properties;

    private volatile boolean running;
    private Thread thread;

    public RetentionScheduler(ExpiredData expired, JobRuns jobRuns, RetentionProperties properties) {
        this.expired = expired;
        this.jobRuns = jobRuns;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("picket-retention").daemon().start(this::runUntilStopped);
    }

    /** Ends the pass in hand after its current statement. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void runUntilStopped() {
        long wait = Math.min(FIRST_PASS_AFTER.toNanos(), properties.every().toNanos());
        while (running) {
            LockSupport.parkNanos(this, wait);
            wait = properties.every().toNanos();
            if (!running) {
                return;
            }
            try {
                if (jobRuns.claim(JOB, properties.every())) {
                    pass();
                }
            } catch (RuntimeException e) {
                // The thread must outlive a failed pass: the next one deletes what this one left.
                log.warn("deleting expired data failed; trying again in {}", properties.every(), e);
            }
        }
    }

    private void pass() {
        long start = System.nanoTime();
        Map<String, Long> deleted = expired.delete(System.currentTimeMillis(), () -> running);
        long total = deleted.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            log.info("deleted {} expired rows in {} ms: {}", total,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), deleted);
        }
    }
}
