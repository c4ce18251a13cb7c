package dev.picket.protocol.compress;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Compresses test bodies the way SDKs do, including raw deflate, which some SDKs send as "deflate". */
public enum Encoders {
    GZIP("gzip"),
    ZLIB_DEFLATE("deflate"),
    RAW_DEFLATE("deflate"),
    BROTLI("br"),
    ZSTD("zstd");

    /** The Content-Encoding header value that names this encoding. */
    public final String header;

    Encoders(String header) {
        this.header = header;
    }

    public byte[] encode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = open(out)) {
            encoder.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code bytes} zero bytes, encoded as they are streamed: the plain form is never in memory. */
    byte[] encodeZeros(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (OutputStream encoder = open(out)) {
            for (long left = bytes; left > 0; left -= zeros.length) {
                encoder.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    OutputStream open(OutputStream out) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPOutputStream(out, 64 * 1024);
            case ZLIB_DEFLATE -> deflater(out, false);
            case RAW_DEFLATE -> deflater(out, true);
            case BROTLI -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliOutputStream(out, new Encoder.Parameters().setQuality(5));
            }
            case ZSTD -> new ZstdOutputStreamNoFinalizer(out);
        };
    }

    /** Ends its deflater on close: a deflater passed in is not ended by the stream, and each holds native memory. */
    private static OutputStream deflater(OutputStream out, boolean raw) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        return new DeflaterOutputStream(out, deflater, 64 * 1024) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deflater.end();
                }
            }
        };
    }
}
