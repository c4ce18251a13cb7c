package dev.picket.protocol.auth;

import java.util.Locale;

/** DSN public keys as Sentry issues them: 32 hex digits, compared in lower case. */
final class PublicKeys {

    private PublicKeys() {
    }

    static String normalize(String key, String source) throws AuthException {
        if (key.isEmpty()) {
            throw new AuthException(source + " has an empty public key");
        }
        if (key.length() != 32 || !isHex(key)) {
            throw new AuthException(source + " public key must be 32 hex digits, got \"" + abbreviate(key) + "\"");
        }
        return key.toLowerCase(Locale.ROOT);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /** Keeps an echoed bad key short: it comes from the request and could be anything. */
    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
