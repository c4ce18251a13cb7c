package dev.picket.protocol.compress;

/** The body does not decode with its {@code Content-Encoding}; the message is a reason fit to show the sender. */
public class MalformedBodyException extends Exception {

    public MalformedBodyException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
