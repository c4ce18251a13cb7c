package dev.picket.projects;

import java.time.Instant;

/**
 * A DSN key with everything the API shows of it.
 *
 * @param rateLimit null when the key has no limit of its own
 */
public record DsnKey(long id, long projectId, String publicKey, String secretKey, String label, boolean active,
                     RateLimit rateLimit, Instant dateCreated) {

    /** The part of the key that ingestion needs. */
    ProjectKey forIngestion() {
        return new ProjectKey(id, projectId, publicKey, active,
                rateLimit == null ? 0 : rateLimit.count(), rateLimit == null ? 0 : rateLimit.windowSeconds());
    }
}
