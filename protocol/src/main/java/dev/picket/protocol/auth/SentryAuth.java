package dev.picket.protocol.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What an SDK authenticates with, from whichever of the three places it put it: the
 * {@code X-Sentry-Auth} (or {@code Authorization: Sentry …}) header, the query string, or a DSN.
 *
 * @param publicKey the DSN public key, 32 lower-case hex digits
 * @param secretKey the legacy secret key, or null
 * @param client    {@code sentry_client}, e.g. {@code sentry.python/1.9.10}, or null
 * @param version   {@code sentry_version}, the protocol version, or null
 */
public record SentryAuth(String publicKey, String secretKey, String client, Integer version) {

    private static final String HEADER = "X-Sentry-Auth";

    /**
     * Parses {@code Sentry sentry_key=…, sentry_version=7, sentry_client=…}. The {@code Sentry}
     * prefix is optional and unknown keys (such as {@code sentry_timestamp}) are ignored.
     */
    public static SentryAuth fromHeader(String value) throws AuthException {
        if (value == null || value.isBlank()) {
            throw new AuthException(HEADER + " is empty");
        }
        Fields fields = new Fields();
        for (String pair : stripScheme(value.strip()).split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            fields.put(pair.substring(0, eq).strip(), unquote(pair.substring(eq + 1).strip()));
        }
        return fields.toAuth(HEADER);
    }

    /**
     * Reads {@code sentry_key}, {@code sentry_secret}, {@code sentry_client} and
     * {@code sentry_version} from a raw (still URL-encoded) query string.
     *
     * @return empty when the query has no {@code sentry_key}: the request authenticates some other way
     */
    public static Optional<SentryAuth> fromQuery(String rawQuery) throws AuthException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = new Fields();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.startsWith("sentry_")) {
                fields.put(key, decode(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        return fields.key == null ? Optional.empty() : Optional.of(fields.toAuth("query string"));
    }

    /** The auth a DSN carries (as in an envelope header's {@code dsn}); it has no client or version. */
    public static SentryAuth fromDsn(String dsn) throws AuthException {
        Dsn parsed = Dsn.parse(dsn);
        return new SentryAuth(parsed.publicKey(), parsed.secretKey(), null, null);
    }

    private static String stripScheme(String value) {
        if (value.regionMatches(true, 0, "Sentry", 0, 6) && value.length() > 6 && Character.isWhitespace(value.charAt(6))) {
            return value.substring(7);
        }
        return value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String decode(String s) throws AuthException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthException("query string is not valid URL encoding: " + e.getMessage());
        }
    }

    /** Collects the fields while one header or query string is read; the first occurrence wins. */
    private static final class Fields {
        String key;
        String secret;
        String client;
        String version;

        void put(String name, String value) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "sentry_key" -> key = key == null ? value : key;
                case "sentry_secret" -> secret = secret == null ? value : secret;
                case "sentry_client" -> client = client == null ? value : client;
                case "sentry_version" -> version = version == null ? value : version;
                default -> {
                    // sentry_timestamp and whatever future SDKs add are not needed to authenticate.
                }
            }
        }

        SentryAuth toAuth(String source) throws AuthException {
            if (key == null) {
                throw new AuthException(source + " has no sentry_key");
            }
            return new SentryAuth(PublicKeys.normalize(key, source), emptyToNull(secret), emptyToNull(client),
                    parseVersion(source));
        }

        private Integer parseVersion(String source) throws AuthException {
            if (version == null || version.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(version);
            } catch (NumberFormatException e) {
                throw new AuthException(source + " sentry_version must be a number, got \"" + version + "\"");
            }
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
