package dev.picket.processing.grouping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Sentry's hash: md5 over the UTF-8 bytes of the values, concatenated without separators. */
final class Md5 {

    private Md5() {
    }

    static String ofValues(Iterable<String> values) {
        MessageDigest digest = newDigest();
        for (String value : values) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides MD5", e);
        }
    }
}
