package dev.picket.protocol.compress;

import java.io.IOException;
import java.io.InputStream;

/**
 * The raw request body as it arrives, counted: reading fails as soon as more than
 * {@code maxBytes} have come in, whether or not a Content-Length announced them (chunked bodies
 * have none). Closing it leaves the request stream open; that stream belongs to the server.
 */
final class BoundedSource extends InputStream {

    private final InputStream source;
    private final long maxBytes;
    private final String tooLarge;
    private long count;

    BoundedSource(InputStream source, long maxBytes, String tooLarge) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // One byte more than allowed is enough to know the limit is passed.
        long left = maxBytes - count;
        int allowed = left >= len ? len : (int) left + 1;
        int n;
        try {
            n = source.read(b, off, allowed);
        } catch (IOException e) {
            throw new ReadFailure(ReadFailure.Kind.SOURCE, e.getMessage(), e);
        }
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new ReadFailure(ReadFailure.Kind.TOO_LARGE, tooLarge, null);
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        try {
            return source.available();
        } catch (IOException e) {
            throw new ReadFailure(ReadFailure.Kind.SOURCE, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // The request stream is the server's to close.
    }
}
