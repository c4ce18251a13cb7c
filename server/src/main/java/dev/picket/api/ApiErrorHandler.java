package dev.picket.api;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refused REST API requests into {@code {"detail": "…"}} with their status. */
@RestControllerAdvice(annotations = ApiController.class)
class ApiErrorHandler {

    @ExceptionHandler
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.detail()));
    }

    /** Without a cause the body was empty; with one, the JSON parser refused it. */
    @ExceptionHandler
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        String detail = e.getCause() == null ? "A JSON request body is required" : "The request body is not valid JSON";
        return ResponseEntity.badRequest().body(new ApiError(detail));
    }

    /** Spring MVC's own refusals: wrong method, unsupported media type, … */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeException.class,
            ErrorResponseException.class})
    ResponseEntity<ApiError> springRefused(Exception exception) {
        ErrorResponse e = (ErrorResponse) exception;
        String detail = e.getBody().getDetail() != null ? e.getBody().getDetail() : e.getBody().getTitle();
        return ResponseEntity.status(e.getStatusCode()).body(new ApiError(detail));
    }
}
