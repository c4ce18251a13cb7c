package dev.picket.protocol.compress;

import java.io.IOException;

/**
 * Carries why reading stopped through decoder streams, which only let {@link IOException}s
 * through and sometimes wrap them; {@link BodyReader} finds it in the cause chain again.
 */
final class ReadFailure extends IOException {

    enum Kind {
        /** A byte limit was passed; the message names it. */
        TOO_LARGE,
        /** The underlying request stream failed (the client went away): not the body's fault. */
        SOURCE,
        /** A decoder rejected its input; the message names the encoding. */
        CORRUPT
    }

    private final Kind kind;

    ReadFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The first ReadFailure in {@code t}'s cause chain, or null. */
    static ReadFailure find(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof ReadFailure failure) {
                return failure;
            }
        }
        return null;
    }
}
