package dev.picket.ingest;

import dev.picket.projects.ProjectKey;
import dev.picket.projects.ProjectKeyLookup;
import dev.picket.protocol.auth.AuthException;
import dev.picket.protocol.auth.SentryAuth;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the DSN key a request was sent with and checks that it may send to the project. */
@Component
class IngestAuthenticator {

    private final ProjectKeyLookup keys;

    IngestAuthenticator(ProjectKeyLookup keys) {
        this.keys = keys;
    }

    /** The auth of the {@code X-Sentry-Auth} or {@code Authorization: Sentry} header, else of the query string. */
    Optional<SentryAuth> fromRequest(HttpServletRequest request) {
        String header = request.getHeader("X-Sentry-Auth");
        if (header == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Sentry ", 0, 7)) {
                header = authorization;
            }
        }
        try {
            if (header != null) {
                return Optional.of(SentryAuth.fromHeader(header));
            }
            String query = request.getQueryString();
            return query == null ? Optional.empty() : SentryAuth.fromQuery(query);
        } catch (AuthException e) {
            throw IngestRejection.unauthorized(e.getMessage());
        }
    }

    /** The auth of the {@code dsn} in an envelope header. */
    SentryAuth fromDsn(String dsn) {
        if (dsn == null) {
            throw IngestRejection.unauthorized("missing authentication: send the X-Sentry-Auth header, "
                    + "the sentry_key query parameter or a dsn in the envelope header");
        }
        try {
            return SentryAuth.fromDsn(dsn);
        } catch (AuthException e) {
            throw IngestRejection.unauthorized(e.getMessage());
        }
    }

    ProjectKey authorize(SentryAuth auth, long projectId) {
        ProjectKey key = keys.findByPublicKey(auth.publicKey())
                .orElseThrow(() -> IngestRejection.unauthorized("unknown DSN public key " + auth.publicKey()));
        if (!key.active()) {
            throw IngestRejection.forbidden("DSN key " + auth.publicKey() + " is disabled");
        }
        if (key.projectId() != projectId) {
            throw IngestRejection.forbidden("DSN key " + auth.publicKey() + " does not belong to project " + projectId);
        }
        return key;
    }
}
