package dev.picket.bench;

import java.net.URI;

/**
 * Where envelopes go and how they authenticate, from a DSN such as {@code http://KEY@127.0.0.1:8000/1}.
 * Only loopback DSNs are accepted.
 */
public record IngestTarget(URI envelopeUrl, URI baseUrl, String authHeader) {

    public static IngestTarget fromDsn(String dsn) {
        URI uri;
        try {
            uri = LoopbackOnly.check(URI.create(dsn.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid DSN '" + dsn + "': " + e.getMessage(), e);
        }
        String key = uri.getUserInfo();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String projectId = path.substring(path.lastIndexOf('/') + 1);
        if (key == null || key.isEmpty() || !projectId.matches("[0-9]+")) {
            throw new IllegalArgumentException("invalid DSN '" + dsn + "': expected http://<public key>@<host>:<port>/<project id>");
        }
        String prefix = path.substring(0, path.lastIndexOf('/'));
        URI base = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + prefix + "/");
        return new IngestTarget(base.resolve("api/" + projectId + "/envelope/"), base,
                "Sentry sentry_version=7, sentry_client=picket-bench/1.0, sentry_key=" + key);
    }

    /** A target that is not Picket: the discard server, which ignores authentication. */
    public static IngestTarget discard(URI baseUrl) {
        LoopbackOnly.check(baseUrl);
        return new IngestTarget(baseUrl.resolve("api/1/envelope/"), baseUrl, "Sentry sentry_key=discard");
    }
}
