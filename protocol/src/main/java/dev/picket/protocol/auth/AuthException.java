package dev.picket.protocol.auth;

/** The request does not authenticate; the message is a reason fit to show the SDK. */
public class AuthException extends Exception {

    public AuthException(String reason) {
        super(reason);
    }
}
