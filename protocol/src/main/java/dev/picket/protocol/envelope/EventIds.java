package dev.picket.protocol.envelope;

import java.util.UUID;

/** Event ids as Sentry writes them: 32 lower-case hex digits, no dashes. */
public final class EventIds {

    private EventIds() {
    }

    /**
     * Accepts the 32-digit form and the dashed UUID form, in any case.
     *
     * @throws IllegalArgumentException when {@code id} is neither
     */
    public static String normalize(String id) {
        String s = id.length() == 36 ? id.replace("-", "") : id;
        if (s.length() != 32) {
            throw new IllegalArgumentException("event_id must be 32 hex digits or a UUID");
        }
        for (int i = 0; i < 32; i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                throw new IllegalArgumentException("event_id must be 32 hex digits or a UUID");
            }
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    public static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
