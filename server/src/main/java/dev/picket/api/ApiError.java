package dev.picket.api;

/** The body of every REST API error, as Sentry answers: {@code {"detail": "…"}}. */
public record ApiError(String detail) {
}
