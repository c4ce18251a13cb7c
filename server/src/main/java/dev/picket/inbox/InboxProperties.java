package dev.picket.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the table inbox batches its writes.
 *
 * @param maxBatch   the most entries written in one transaction
 * @param maxPending the most entries waiting for the writer; beyond it ingestion waits, then gets 503
 * @param fullWait   how long an entry may wait for room in a full queue
 */
@ConfigurationProperties("picket.inbox")
public record InboxProperties(
        @DefaultValue("512") int maxBatch,
        @DefaultValue("8192") int maxPending,
        @DefaultValue("2s") Duration fullWait) {

    public InboxProperties {
        if (maxBatch < 1 || maxPending < 1) {
            throw new IllegalArgumentException("picket.inbox.max-batch and max-pending must be at least 1");
        }
        if (fullWait.isNegative()) {
            throw new IllegalArgumentException("picket.inbox.full-wait must not be negative");
        }
    }
}
