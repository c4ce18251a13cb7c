package dev.picket.ingest;

import org.springframework.http.HttpStatus;

/**
 * Why a request is refused: the HTTP status and a reason the SDK's user can act on. Thrown only
 * on the refusal path, never for accepted requests.
 */
class IngestRejection extends RuntimeException {

    private final HttpStatus status;
    private final String metricReason;

    IngestRejection(HttpStatus status, String metricReason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.metricReason = metricReason;
    }

    HttpStatus status() {
        return status;
    }

    /** A short fixed label for the rejection counter, unlike the message which names values. */
    String metricReason() {
        return metricReason;
    }

    static IngestRejection badRequest(String message) {
        return new IngestRejection(HttpStatus.BAD_REQUEST, "invalid", message);
    }

    static IngestRejection unauthorized(String message) {
        return new IngestRejection(HttpStatus.UNAUTHORIZED, "auth", message);
    }

    static IngestRejection forbidden(String message) {
        return new IngestRejection(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    static IngestRejection tooLarge(String message) {
        return new IngestRejection(HttpStatus.CONTENT_TOO_LARGE, "too_large", message);
    }

    static IngestRejection unsupportedEncoding(String message) {
        return new IngestRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "encoding", message);
    }
}
