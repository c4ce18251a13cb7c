package dev.picket.protocol.compress;

import dev.picket.protocol.ByteSizes;
import dev.picket.protocol.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a request body and undoes its {@code Content-Encoding}, enforcing two limits while it
 * reads: bytes received and bytes decoded. Both are checked as data flows, so neither a huge
 * chunked upload nor a decompression bomb is ever held in memory beyond its limit. Thread-safe.
 */
public final class BodyReader {

    /** Arrays cannot be larger than this on common JVMs. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final long maxCompressedBytes;
    private final long maxBodyBytes;

    /**
     * @param maxCompressedBytes the most bytes read from the request, as sent
     * @param maxBodyBytes       the most bytes the body may have once decoded
     */
    public BodyReader(long maxCompressedBytes, long maxBodyBytes) {
        if (maxCompressedBytes < 0 || maxBodyBytes < 0 || maxBodyBytes >= MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("limits must be between 0 and " + (MAX_ARRAY_LENGTH - 1) + " bytes");
        }
        this.maxCompressedBytes = maxCompressedBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads {@code raw} to its end and decodes it.
     *
     * @param contentEncoding the {@code Content-Encoding} header, or null; a list is decoded last coding first
     * @throws IOException                          when {@code raw} itself fails (the client went away)
     * @throws LimitExceededException               when either limit is passed
     * @throws UnsupportedContentEncodingException  when a coding is not one Picket decodes
     * @throws MalformedBodyException               when the body is not valid in its coding
     */
    public Body read(InputStream raw, String contentEncoding)
            throws IOException, LimitExceededException, UnsupportedContentEncodingException, MalformedBodyException {
        return read(raw, contentEncoding, BufferMemory.UNBOUNDED);
    }

    /**
     * Reads {@code raw} to its end and decodes it, reserving its buffers from {@code memory}; what
     * {@code memory} throws stops reading and reaches the caller as it is.
     *
     * @see #read(InputStream, String)
     */
    public Body read(InputStream raw, String contentEncoding, BufferMemory memory)
            throws IOException, LimitExceededException, UnsupportedContentEncodingException, MalformedBodyException {
        List<ContentEncoding> codings = ContentEncoding.parse(contentEncoding);
        boolean compressed = !codings.isEmpty();
        String tooLargeAsSent = (compressed ? "compressed body is larger than " : "body is larger than ")
                + ByteSizes.describe(maxCompressedBytes);
        String tooLargeDecoded = "body is larger than " + ByteSizes.describe(maxBodyBytes)
                + (compressed ? " when decompressed" : "");
        InputStream top = new BoundedSource(raw, maxCompressedBytes, tooLargeAsSent);
        try {
            for (int i = codings.size() - 1; i >= 0; i--) {
                top = open(codings.get(i), top);
            }
            return readAll(top, tooLargeDecoded, memory);
        } catch (IOException e) {
            throw classify(e);
        } finally {
            closeQuietly(top);
        }
    }

    private static InputStream open(ContentEncoding coding, InputStream in) throws IOException {
        try {
            return new DecodingStream(coding.decoder(in), coding);
        } catch (IOException | RuntimeException e) {
            throw DecodingStream.translate(e, coding);
        }
    }

    /** Grows one buffer by doubling up to the limit; the body is never copied to fit. */
    private Body readAll(InputStream in, String tooLarge, BufferMemory memory) throws IOException, LimitExceededException {
        // One byte past the limit proves the body is too large without reading any more of it.
        int capacityLimit = (int) (maxBodyBytes + 1);
        int capacity = Math.min(INITIAL_CAPACITY, capacityLimit);
        memory.reserve(capacity);
        byte[] buffer = new byte[capacity];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length == capacityLimit) {
                    throw new LimitExceededException(tooLarge);
                }
                int grown = (int) Math.min(2L * length, capacityLimit);
                memory.reserve(grown);
                buffer = Arrays.copyOf(buffer, grown);
                memory.release(length);
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (length > maxBodyBytes) {
            throw new LimitExceededException(tooLarge);
        }
        return new Body(buffer, length);
    }

    /**
     * Throws the body error that stopped reading, or returns the request stream's own failure to rethrow.
     */
    private static IOException classify(IOException e) throws LimitExceededException, MalformedBodyException {
        ReadFailure failure = ReadFailure.find(e);
        if (failure == null) {
            return e;
        }
        return switch (failure.kind()) {
            case TOO_LARGE -> throw new LimitExceededException(failure.getMessage());
            case CORRUPT -> throw new MalformedBodyException(failure.getMessage(), failure.getCause());
            case SOURCE -> (IOException) failure.getCause();
        };
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing only frees decoder state; the body has been read or has already failed.
        }
    }
}
