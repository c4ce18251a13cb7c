package dev.picket.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.inbox.Inbox;
import dev.picket.inbox.InboxEntry;
import dev.picket.testing.Envelopes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A commit of the inbox while the processor is busy with a batch must not wait for the fallback
 * poll (an hour here): the batch's own waits may use up the thread's wake-up, as the listener below
 * does on purpose after it appends an event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "picket.pipeline.fallback-poll=1h")
@Import(ProcessorWakeUpTest.CommitDuringABatch.class)
class ProcessorWakeUpTest {

    static final long PROJECT = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    static final CountDownLatch APPENDED_DURING_A_BATCH = new CountDownLatch(1);

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;

    @Test
    void anEventCommittedWhileABatchRunsIsProcessedWithoutWaitingForTheFallbackPoll() throws Exception {
        inbox.append(entry());
        assertThat(APPENDED_DURING_A_BATCH.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(processor.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    static InboxEntry entry() {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        return new InboxEntry(PROJECT, eventId, System.currentTimeMillis(),
                Envelopes.event(eventId, Envelopes.errorJson(eventId, "committed during a batch")));
    }

    @TestConfiguration
    static class CommitDuringABatch {

        /** On the first batch: appends one more event, then parks briefly. */
        @Bean
        ProcessedBatchListener commitThenPark(ObjectProvider<Inbox> inbox) {
            AtomicBoolean done = new AtomicBoolean();
            return batch -> {
                if (done.compareAndSet(false, true)) {
                    try {
                        inbox.getObject().append(entry());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    APPENDED_DURING_A_BATCH.countDown();
                    // Parks for a moment, as a pool or a join may, and so takes the wake-up the
                    // inbox's commit gives this thread just after the append returned.
                    long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                        LockSupport.parkNanos(left);
                    }
                }
            };
        }
    }
}
