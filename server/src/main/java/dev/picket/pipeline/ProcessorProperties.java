package dev.picket.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the inbox processor takes its work.
 *
 * @param batchSize    the most inbox rows processed in one transaction
 * @param batchBytes   the most envelope bytes (decompressed) one batch takes, which bounds the heap
 *                     that processing holds; a row larger than this alone is a batch of its own
 * @param fallbackPoll how often the processor looks at the inbox when no commit woke it
 * @param retryDelay   how long it waits after a failed batch before trying it again
 */
@ConfigurationProperties("picket.pipeline")
public record ProcessorProperties(
        @DefaultValue("256") int batchSize,
        @DefaultValue("16MB") DataSize batchBytes,
        @DefaultValue("10s") Duration fallbackPoll,
        @DefaultValue("1s") Duration retryDelay) {

    public ProcessorProperties {
        if (batchSize < 1 || batchBytes.toBytes() < 1) {
            throw new IllegalArgumentException("picket.pipeline.batch-size and batch-bytes must be at least 1");
        }
        if (!fallbackPoll.isPositive() || !retryDelay.isPositive()) {
            throw new IllegalArgumentException("picket.pipeline.fallback-poll and retry-delay must be positive");
        }
    }
}
