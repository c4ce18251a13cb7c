package dev.picket.pipeline;

/** An envelope item that can never be stored; its row is set aside with this message. */
final class UnprocessableItemException extends RuntimeException {

    UnprocessableItemException(String reason) {
        super(reason);
    }
}
