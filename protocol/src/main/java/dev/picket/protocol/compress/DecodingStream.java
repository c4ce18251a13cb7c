package dev.picket.protocol.compress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The output of one decoder. Any failure of the decoder that is not already a {@link ReadFailure}
 * from further down (a limit, the request stream) means its input was not valid in its encoding.
 */
final class DecodingStream extends FilterInputStream {

    private final ContentEncoding encoding;

    DecodingStream(InputStream decoder, ContentEncoding encoding) {
        super(decoder);
        this.encoding = encoding;
    }

    /**
     * Goes through the bulk read: org.brotli:dec 0.1.2 loses the bytes its single-byte read buffered
     * when a bulk read follows at the end of the stream (as when gzip reads its header from brotli).
     */
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw translate(e, encoding);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (IOException | RuntimeException e) {
            throw translate(e, encoding);
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return in.available();
        } catch (IOException | RuntimeException e) {
            throw translate(e, encoding);
        }
    }

    /** Decoders that read a header on construction fail there too; they go through the same translation. */
    static IOException translate(Exception e, ContentEncoding encoding) {
        ReadFailure failure = ReadFailure.find(e);
        if (failure != null) {
            return failure;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ReadFailure(ReadFailure.Kind.CORRUPT, "body is not valid " + encoding.displayName() + ": " + detail, e);
    }
}
