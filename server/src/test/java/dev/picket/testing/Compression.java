package dev.picket.testing;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Encodes request bodies the ways SDKs send them. */
public final class Compression {

    /** Every Content-Encoding Picket accepts, and none. */
    public static final List<String> ENCODINGS = List.of("identity", "gzip", "deflate", "zstd");

    private Compression() {
    }

    public static byte[] encode(String encoding, byte[] body) {
        try {
            return switch (encoding) {
                case "identity" -> body;
                case "gzip" -> stream(body, GZIPOutputStream::new);
                case "deflate" -> stream(body, DeflaterOutputStream::new);
                case "zstd" -> Zstd.compress(body);
                default -> throw new IllegalArgumentException("no encoder for " + encoding);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Wrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] stream(byte[] body, Wrapper wrapper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
        try (OutputStream encoder = wrapper.wrap(out)) {
            encoder.write(body);
        }
        return out.toByteArray();
    }
}
