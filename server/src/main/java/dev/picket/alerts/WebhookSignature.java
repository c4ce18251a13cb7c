package dev.picket.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Picket-Signature} header of a webhook: {@code sha256=} and the hex HMAC-SHA256 of the
 * raw body, keyed with the rule's secret (its UTF-8 bytes), so a receiver can tell Picket sent it.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Picket-Signature";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JDK has HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
