package dev.picket.projects;

import java.security.SecureRandom;
import java.util.HexFormat;

/** DSN public and secret keys: 128 random bits as 32 lower-case hex digits, as Sentry makes them. */
final class RandomKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomKeys() {
    }

    static String hex32() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
