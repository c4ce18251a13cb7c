package dev.picket.issues;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What one batch adds to one issue, gathered in memory so that the issue is written once per batch. */
final class IssueDelta {

    static final long HOUR_MILLIS = 3_600_000L;

    long events;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    Occurrence latest;
    String firstRelease;
    long firstReleaseSeen = Long.MAX_VALUE;
    String lastRelease;
    long lastReleaseSeen = Long.MIN_VALUE;
    final Set<String> releases = new LinkedHashSet<>();
    final Map<Long, Long> hourly = new HashMap<>();
    final Set<String> users = new LinkedHashSet<>();
    final Map<EventTag, TagDelta> tags = new HashMap<>();

    void add(Occurrence occurrence) {
        long ts = occurrence.timestamp();
        events++;
        firstSeen = Math.min(firstSeen, ts);
        if (ts >= lastSeen) {
            lastSeen = ts;
            latest = occurrence;
        }
        String release = occurrence.release();
        if (release != null) {
            releases.add(release);
            if (ts < firstReleaseSeen) {
                firstReleaseSeen = ts;
                firstRelease = release;
            }
            if (ts >= lastReleaseSeen) {
                lastReleaseSeen = ts;
                lastRelease = release;
            }
        } else {
            releases.add(null);
        }
        hourly.merge(Math.floorDiv(ts, HOUR_MILLIS) * HOUR_MILLIS, 1L, Long::sum);
        if (occurrence.userKey() != null) {
            users.add(occurrence.userKey());
        }
        for (EventTag tag : occurrence.tags()) {
            tags.computeIfAbsent(tag, t -> new TagDelta()).add(ts);
        }
    }

    static final class TagDelta {
        long count;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;

        void add(long ts) {
            count++;
            firstSeen = Math.min(firstSeen, ts);
            lastSeen = Math.max(lastSeen, ts);
        }
    }
}
