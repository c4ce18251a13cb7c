package dev.picket.pipeline;

/**
 * Told of every batch the processor committed. It is called on the processor's thread, so it must
 * only hand the batch on (to a queue or an executor) and return at once.
 */
public interface ProcessedBatchListener {

    void batchProcessed(ProcessedBatch batch);
}
