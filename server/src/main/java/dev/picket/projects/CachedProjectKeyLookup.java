package dev.picket.projects;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps DSN keys in memory so that ingestion reads the database once a minute per key, not once
 * per request. Changes made through this application invalidate at once; the expiry bounds how
 * long a change made elsewhere (another node, a manual edit) goes unseen.
 */
@Component
class CachedProjectKeyLookup implements ProjectKeyLookup {

    static final String CACHE_NAME = "project_keys";
    private static final Duration KNOWN_KEY_TTL = Duration.ofSeconds(60);
    /** Short, so that a key created on another node works soon; non-zero, so that a flood of bad keys is cheap. */
    private static final Duration UNKNOWN_KEY_TTL = Duration.ofSeconds(5);
    private static final long MAX_KEYS = 100_000;
    private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-f]{32}");

    private final LoadingCache<String, Optional<ProjectKey>> cache;

    CachedProjectKeyLookup(ProjectKeyRepository keys, MeterRegistry meters) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfter(Expiry.<String, Optional<ProjectKey>>creating((publicKey, key) ->
                        key.isPresent() ? KNOWN_KEY_TTL : UNKNOWN_KEY_TTL))
                .recordStats()
                .build(publicKey -> keys.findByPublicKey(publicKey).map(DsnKey::forIngestion));
        CaffeineCacheMetrics.monitor(meters, cache, CACHE_NAME);
    }

    @Override
    public Optional<ProjectKey> findByPublicKey(String publicKey) {
        if (publicKey == null || !PUBLIC_KEY.matcher(publicKey).matches()) {
            return Optional.empty();
        }
        return cache.get(publicKey);
    }

    /**
     * Forgets {@code publicKey} once the current transaction commits (at once when there is none),
     * so that no lookup between the change and its commit caches the old state again.
     */
    void invalidate(String publicKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate(publicKey);
                }
            });
        } else {
            cache.invalidate(publicKey);
        }
    }
}
