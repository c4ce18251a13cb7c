package dev.picket.protocol.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Sentry DSN: {@code {scheme}://{publicKey}[:{secretKey}]@{host}[:{port}]{path}/{projectId}}.
 *
 * @param secretKey the legacy secret key, or null
 * @param port      the port, or -1 when the DSN has none
 * @param path      the path prefix before the project id: {@code ""} or {@code "/prefix"}
 */
public record Dsn(String scheme, String publicKey, String secretKey, String host, int port, String path, long projectId) {

    public static Dsn parse(String dsn) throws AuthException {
        if (dsn == null || dsn.isBlank()) {
            throw new AuthException("DSN is empty");
        }
        URI uri;
        try {
            uri = new URI(dsn.strip());
        } catch (URISyntaxException e) {
            throw new AuthException("DSN is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new AuthException("DSN scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw new AuthException("DSN has no host");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            throw new AuthException("DSN has no public key before the @");
        }
        int colon = userInfo.indexOf(':');
        String publicKey = PublicKeys.normalize(colon < 0 ? userInfo : userInfo.substring(0, colon), "DSN");
        String secretKey = colon < 0 || colon == userInfo.length() - 1 ? null : userInfo.substring(colon + 1);
        String fullPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (fullPath.endsWith("/")) {
            fullPath = fullPath.substring(0, fullPath.length() - 1);
        }
        int slash = fullPath.lastIndexOf('/');
        String id = fullPath.substring(slash + 1);
        return new Dsn(scheme.toLowerCase(Locale.ROOT), publicKey, secretKey, uri.getHost(), uri.getPort(),
                slash < 0 ? "" : fullPath.substring(0, slash), projectId(id));
    }

    private static long projectId(String id) throws AuthException {
        if (id.isEmpty()) {
            throw new AuthException("DSN has no project id at the end of its path");
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                throw new AuthException("DSN project id must be a number, got \"" + id + "\"");
            }
        }
        try {
            long value = Long.parseLong(id);
            if (value == 0) {
                throw new AuthException("DSN project id must be positive");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AuthException("DSN project id is too large: " + id);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(scheme).append("://").append(publicKey);
        if (secretKey != null) {
            s.append(':').append(secretKey);
        }
        s.append('@').append(host);
        if (port >= 0) {
            s.append(':').append(port);
        }
        return s.append(path).append('/').append(projectId).toString();
    }
}
