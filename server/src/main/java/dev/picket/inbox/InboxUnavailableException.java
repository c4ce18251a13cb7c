package dev.picket.inbox;

/** The inbox could not make an entry durable; ingestion answers 503 so the SDK retries. */
public class InboxUnavailableException extends RuntimeException {

    public InboxUnavailableException(String message) {
        super(message);
    }

    public InboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
