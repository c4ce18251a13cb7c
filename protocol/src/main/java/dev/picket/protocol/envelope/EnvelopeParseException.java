package dev.picket.protocol.envelope;

/** The envelope is malformed; the message is a reason fit to show the sender. */
public class EnvelopeParseException extends Exception {

    public EnvelopeParseException(String reason) {
        super(reason);
    }

    public EnvelopeParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
