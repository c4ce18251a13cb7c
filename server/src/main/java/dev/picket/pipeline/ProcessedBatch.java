package dev.picket.pipeline;

import dev.picket.issues.Occurrence;
import java.util.List;

/**
 * What one committed batch changed, for those who react to it ({@link ProcessedBatchListener}).
 *
 * @param processedAt the batch's processing time, epoch milliseconds: issues it regressed have it as
 *                    their {@code statusChangedAt}
 * @param events      the error events it newly stored (replays not included), in order
 */
public record ProcessedBatch(long processedAt, List<StoredError> events) {

    public ProcessedBatch {
        events = List.copyOf(events);
    }

    /** @param newIssue whether this event created its issue */
    public record StoredError(long projectId, long issueId, boolean newIssue, Occurrence occurrence) {
    }
}
