package dev.picket.protocol.compress;

/** The {@code Content-Encoding} names a coding Picket does not decode (HTTP 415). */
public class UnsupportedContentEncodingException extends Exception {

    public UnsupportedContentEncodingException(String reason) {
        super(reason);
    }
}
