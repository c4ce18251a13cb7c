package dev.picket.issues;

import java.time.Instant;

/** How many events an issue had in the hour or day that starts at {@code start}. */
public record CountBucket(Instant start, long count) {
}
