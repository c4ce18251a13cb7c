package dev.picket.inbox;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/** Stored payloads are zstd frames that record their size, so they decompress in one call. */
public final class CompressedPayloads {

    // Level 3 (zstd's default) compresses JSON well at a cost ingestion threads can pay per request.
    private static final int LEVEL = 3;

    private CompressedPayloads() {
    }

    public static byte[] compress(byte[] data) {
        return Zstd.compress(data, LEVEL);
    }

    /**
     * @throws IllegalArgumentException when {@code compressed} is not a complete zstd frame
     */
    public static byte[] decompress(byte[] compressed) {
        try {
            return Zstd.decompress(compressed);
        } catch (ZstdException e) {
            throw new IllegalArgumentException("stored payload is not a valid zstd frame: " + e.getMessage(), e);
        }
    }
}
