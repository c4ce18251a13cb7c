package dev.picket.issues;

import java.time.Instant;

/** One value of a tag on an issue's events: how many events had it, first and last. */
public record TagValueCount(String value, long count, Instant firstSeen, Instant lastSeen) {
}
