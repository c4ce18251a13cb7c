package dev.picket.api;

import org.springframework.http.HttpStatus;

/** A request the REST API refuses, with the status and the {@code detail} the client sees. */
public class ApiException extends RuntimeException {

    /** Sentry's wording; the same for "absent" and "not yours" so that no one learns what exists. */
    static final String NOT_FOUND = "The requested resource does not exist";

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}
