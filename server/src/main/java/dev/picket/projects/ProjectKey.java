package dev.picket.projects;

/**
 * A DSN key as ingestion needs it.
 *
 * @param id                     the key's id
 * @param projectId              the project the key sends to
 * @param publicKey              the public key (32 hex digits) in the DSN
 * @param active                 false when disabled: its events are refused
 * @param rateLimitCount         events allowed per window, 0 for no limit on this key
 * @param rateLimitWindowSeconds the window of {@code rateLimitCount}
 */
public record ProjectKey(long id, long projectId, String publicKey, boolean active, int rateLimitCount,
                         int rateLimitWindowSeconds) {
}
