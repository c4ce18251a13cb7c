package dev.picket.projects;

import dev.picket.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** DSN keys of projects. Every change reaches ingestion at once through {@link CachedProjectKeyLookup}. */
@Service
public class ProjectKeys {

    static final String DEFAULT_LABEL = "Default";
    static final int MAX_LABEL_LENGTH = 64;
    /** Sentry offers windows from a minute to a day; a day is the longest a limit may span here too. */
    static final int MAX_WINDOW_SECONDS = 86_400;

    private final ProjectKeyRepository keys;
    private final CachedProjectKeyLookup lookup;
    private final Clock clock = Clock.systemUTC();

    ProjectKeys(ProjectKeyRepository keys, CachedProjectKeyLookup lookup) {
        this.keys = keys;
        this.lookup = lookup;
    }

    public List<DsnKey> list(Project project) {
        return keys.listByProject(project.id());
    }

    /** The key of {@code project} with this public key; empty when it has none such. */
    public Optional<DsnKey> find(Project project, String publicKey) {
        return keys.findByPublicKey(publicKey).filter(key -> key.projectId() == project.id());
    }

    /** @param label null for the default label */
    public DsnKey create(Project project, String label) {
        DsnKey key = keys.insert(project.id(), requireLabel(label == null ? DEFAULT_LABEL : label),
                Instant.ofEpochMilli(clock.millis()));
        lookup.invalidate(key.publicKey());
        return key;
    }

    /**
     * Replaces the label, state and rate limit of {@code key}.
     *
     * @param rateLimit null to remove the key's limit
     * @throws ApiException 400 when a value is out of range
     */
    public DsnKey update(DsnKey key, String label, boolean active, RateLimit rateLimit) {
        String checkedLabel = requireLabel(label);
        if (rateLimit != null) {
            requireValid(rateLimit);
        }
        keys.update(key.id(), checkedLabel, active, rateLimit);
        lookup.invalidate(key.publicKey());
        return new DsnKey(key.id(), key.projectId(), key.publicKey(), key.secretKey(), checkedLabel, active,
                rateLimit, key.dateCreated());
    }

    public void delete(DsnKey key) {
        keys.delete(key.id());
        lookup.invalidate(key.publicKey());
    }

    private static String requireLabel(String label) {
        if (label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
            throw ApiException.badRequest("'name' must be 1 to " + MAX_LABEL_LENGTH + " characters");
        }
        return label.strip();
    }

    private static void requireValid(RateLimit rateLimit) {
        if (rateLimit.count() < 1) {
            throw ApiException.badRequest("'rateLimit.count' must be at least 1");
        }
        if (rateLimit.windowSeconds() < 1 || rateLimit.windowSeconds() > MAX_WINDOW_SECONDS) {
            throw ApiException.badRequest("'rateLimit.window' must be 1 to " + MAX_WINDOW_SECONDS + " seconds");
        }
    }
}
