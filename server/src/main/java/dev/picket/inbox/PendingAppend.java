package dev.picket.inbox;

import java.util.concurrent.CountDownLatch;

/** One entry, compressed by its caller, waiting for the writer to make it durable. */
final class PendingAppend {

    final long projectId;
    final String eventId;
    final long receivedAt;
    final byte[] payload;

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String failure;
    private volatile Throwable failureCause;

    PendingAppend(long projectId, String eventId, long receivedAt, byte[] payload) {
        this.projectId = projectId;
        this.eventId = eventId;
        this.receivedAt = receivedAt;
        this.payload = payload;
    }

    void succeed() {
        done.countDown();
    }

    void fail(String reason, Throwable cause) {
        failure = reason;
        failureCause = cause;
        done.countDown();
    }

    /** Waits for the writer's outcome; each caller gets its own exception so stack traces stay its own. */
    void await() throws InterruptedException {
        done.await();
        if (failure != null) {
            throw new InboxUnavailableException(failure, failureCause);
        }
    }
}
