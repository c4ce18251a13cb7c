package dev.picket.projects;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A DSN key as Sentry's API shows it; its {@code id} is the public key, as in Sentry's key URLs. */
record ProjectKeyJson(
        String id,
        String name,
        String label,
        @JsonProperty("public") String publicKey,
        @JsonProperty("secret") String secretKey,
        long projectId,
        @JsonProperty("isActive") boolean isActive,
        RateLimitJson rateLimit,
        Dsn dsn,
        Instant dateCreated) {

    static ProjectKeyJson of(DsnKey key, DsnUrls urls) {
        RateLimit limit = key.rateLimit();
        return new ProjectKeyJson(key.publicKey(), key.label(), key.label(), key.publicKey(), key.secretKey(),
                key.projectId(), key.active(),
                limit == null ? null : new RateLimitJson(limit.count(), limit.windowSeconds()),
                urls.of(key), key.dateCreated());
    }

    record RateLimitJson(int count, int window) {
    }

    record Dsn(
            @JsonProperty("public") String publicDsn,
            @JsonProperty("secret") String secretDsn,
            String security,
            String csp,
            String store,
            String envelope) {
    }
}
