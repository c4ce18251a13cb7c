package dev.picket.pipeline;

/** An inbox row that can never be processed; the message is stored as the row's error. */
final class UnprocessableRowException extends Exception {

    UnprocessableRowException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
