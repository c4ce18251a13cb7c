package dev.picket.protocol.compress;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/** The content codings SDKs compress bodies with, each opening a decoder over the stream below it. */
enum ContentEncoding {
    GZIP("gzip") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new GZIPInputStream(in, BUFFER_SIZE);
        }
    },
    DEFLATE("deflate") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            // HTTP's "deflate" means zlib-wrapped, but some clients send raw deflate: the first two
            // bytes tell them apart, since a raw stream never starts with a valid zlib header.
            PushbackInputStream peekable = new PushbackInputStream(in, 2);
            byte[] head = peekable.readNBytes(2);
            peekable.unread(head);
            Inflater inflater = new Inflater(!isZlibHeader(head));
            return new InflaterInputStream(peekable, inflater, BUFFER_SIZE) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        inflater.end();
                    }
                }
            };
        }
    },
    BROTLI("brotli") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new BrotliInputStream(in);
        }
    },
    ZSTD("zstd") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new ZstdInputStreamNoFinalizer(in);
        }
    };

    private static final int BUFFER_SIZE = 16 * 1024;
    /** More layers than any client sends; stops a header from stacking decoders without end. */
    private static final int MAX_LAYERS = 4;

    private final String displayName;

    ContentEncoding(String displayName) {
        this.displayName = displayName;
    }

    abstract InputStream decoder(InputStream in) throws IOException;

    String displayName() {
        return displayName;
    }

    /**
     * The codings of a {@code Content-Encoding} header in the order they were applied; {@code identity}
     * and empty entries are dropped, so an absent header gives an empty list.
     */
    static List<ContentEncoding> parse(String header) throws UnsupportedContentEncodingException {
        List<ContentEncoding> codings = new ArrayList<>();
        if (header == null) {
            return codings;
        }
        for (String token : header.split(",")) {
            String name = token.strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "", "identity" -> {
                    continue;
                }
                case "gzip", "x-gzip" -> codings.add(GZIP);
                case "deflate" -> codings.add(DEFLATE);
                case "br" -> codings.add(BROTLI);
                case "zstd" -> codings.add(ZSTD);
                default -> throw new UnsupportedContentEncodingException("unsupported Content-Encoding \""
                        + abbreviate(token.strip()) + "\": use gzip, deflate, br or zstd");
            }
            if (codings.size() > MAX_LAYERS) {
                throw new UnsupportedContentEncodingException("Content-Encoding has more than " + MAX_LAYERS + " codings");
            }
        }
        return codings;
    }

    private static boolean isZlibHeader(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int cmf = head[0] & 0xFF;
        int flg = head[1] & 0xFF;
        boolean deflateMethod = (cmf & 0x0F) == 8 && (cmf >>> 4) <= 7;
        boolean noPresetDictionary = (flg & 0x20) == 0;
        return deflateMethod && noPresetDictionary && ((cmf << 8) | flg) % 31 == 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
