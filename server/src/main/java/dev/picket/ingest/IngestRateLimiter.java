package dev.picket.ingest;

import dev.picket.projects.ProjectKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters per DSN key (when the key has a limit) and per project (a safety limit
 * from {@link IngestProperties}). Counts accepted envelopes. In memory: each instance limits what
 * it receives.
 */
@Component
class IngestRateLimiter {

    private final ConcurrentMap<Long, FixedWindow> keyWindows = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, FixedWindow> projectWindows = new ConcurrentHashMap<>();
    private final int projectLimit;
    private final long projectWindowMillis;

    IngestRateLimiter(IngestProperties properties) {
        this.projectLimit = properties.projectRateLimit();
        this.projectWindowMillis = properties.projectRateLimitWindowSeconds() * 1000L;
    }

    /** Counts one envelope for {@code key}, or says which limit it is over. */
    Optional<RateLimited> acquire(ProjectKey key) {
        long now = System.currentTimeMillis();
        if (key.rateLimitCount() > 0 && key.rateLimitWindowSeconds() > 0) {
            long wait = keyWindows.computeIfAbsent(key.id(), id -> new FixedWindow())
                    .tryAcquire(now, key.rateLimitCount(), key.rateLimitWindowSeconds() * 1000L);
            if (wait > 0) {
                return Optional.of(new RateLimited(seconds(wait), "key", "key_quota"));
            }
        }
        if (projectLimit > 0) {
            long wait = projectWindows.computeIfAbsent(key.projectId(), id -> new FixedWindow())
                    .tryAcquire(now, projectLimit, projectWindowMillis);
            if (wait > 0) {
                return Optional.of(new RateLimited(seconds(wait), "project", "project_quota"));
            }
        }
        return Optional.empty();
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static final class FixedWindow {
        private long start;
        private int count;

        /** Returns 0 when counted, else the milliseconds until the window ends. */
        synchronized long tryAcquire(long now, int limit, long windowMillis) {
            if (now - start >= windowMillis) {
                start = now - (now % windowMillis);
                count = 0;
            }
            if (count >= limit) {
                return start + windowMillis - now;
            }
            count++;
            return 0;
        }
    }
}
