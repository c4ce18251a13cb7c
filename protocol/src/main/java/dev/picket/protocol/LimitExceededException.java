package dev.picket.protocol;

/** Input is larger than a configured limit; the message names the limit and is fit to show the sender. */
public class LimitExceededException extends Exception {

    public LimitExceededException(String reason) {
        super(reason);
    }
}
