package dev.picket.ingest;

import dev.picket.protocol.ByteSizes;
import dev.picket.protocol.compress.BufferMemory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * The heap that the bodies of requests in flight may hold at once. Each request reserves its read
 * buffers as they grow and gives them back when it is answered, which is after the inbox has made
 * it durable. Without it, a few large envelopes arriving together (each may be tens of MB) would
 * exhaust the heap, failing every request and the processing in progress, not just theirs. A
 * request that finds the memory taken waits a moment for others to finish, then gets 503; one
 * whose body alone needs more than there is gets 413. Thread-safe; a lease belongs to one request.
 */
final class BodyMemory {

    private static final long KIB = 1024;

    private final Semaphore kibibytes;
    private final long totalBytes;
    private final long waitNanos;

    /**
     * @param totalBytes  the most the bodies in flight may hold together (at least 1 MiB is kept)
     * @param waitMillis  how long a request waits for memory that other requests hold
     */
    BodyMemory(long totalBytes, long waitMillis) {
        long kib = Math.clamp(totalBytes / KIB, KIB, Integer.MAX_VALUE);
        // Not fair: small bodies, the most common, go ahead of a large one waiting for room.
        this.kibibytes = new Semaphore((int) kib);
        this.totalBytes = kib * KIB;
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    /** What one request reserves; closing it returns everything it still holds. */
    Lease lease() {
        return new Lease();
    }

    final class Lease implements BufferMemory, AutoCloseable {

        private int heldKib;

        @Override
        public void reserve(long bytes) {
            int kib = kibOf(bytes);
            // Growing, a request holds its old buffer and the new one: if that is more than all there
            // is, waiting for other requests cannot help.
            if ((long) heldKib + kib > totalBytes / KIB) {
                throw IngestRejection.tooLarge("the body needs " + ByteSizes.describe((heldKib + (long) kib) * KIB)
                        + " of buffers while it is read, more than the " + ByteSizes.describe(totalBytes)
                        + " Picket keeps for request bodies (picket.ingest.body-memory)");
            }
            boolean acquired;
            try {
                acquired = kibibytes.tryAcquire(kib, waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "shutting down; retry later");
            }
            if (!acquired) {
                throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                        "the bodies of other requests hold the " + ByteSizes.describe(totalBytes)
                                + " kept for request bodies; retry later");
            }
            heldKib += kib;
        }

        @Override
        public void release(long bytes) {
            int kib = Math.min(kibOf(bytes), heldKib);
            heldKib -= kib;
            kibibytes.release(kib);
        }

        @Override
        public void close() {
            kibibytes.release(heldKib);
            heldKib = 0;
        }

        private static int kibOf(long bytes) {
            return (int) Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB);
        }
    }
}
