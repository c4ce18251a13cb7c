package dev.picket.inbox;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Stored payloads are zstd frames that record their size, so they decompress in one call.
 *
 * <p>zstd's one-shot calls set up and free a native context each time, which costs more than
 * compressing a few KB; contexts are kept for reuse instead, a few of each kind (callers beyond
 * that make a context and free it after use).
 */
public final class CompressedPayloads {

    // Level 1: payloads are a few KB of JSON, where it compresses nearly as well as the default 3
    // (about 1 % larger) in three quarters of the time, on ingestion and processing threads alike.
    private static final int LEVEL = 1;
    private static final int KEPT_CONTEXTS = 8;

    private static final BlockingQueue<ZstdCompressCtx> COMPRESSORS = new ArrayBlockingQueue<>(KEPT_CONTEXTS);
    private static final BlockingQueue<ZstdDecompressCtx> DECOMPRESSORS = new ArrayBlockingQueue<>(KEPT_CONTEXTS);

    private CompressedPayloads() {
    }

    public static byte[] compress(byte[] data) {
        return compress(data, 0, data.length);
    }

    /** Compresses {@code length} bytes of {@code data} from {@code offset}. */
    public static byte[] compress(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        ZstdCompressCtx context = COMPRESSORS.poll();
        if (context == null) {
            context = new ZstdCompressCtx().setLevel(LEVEL).setContentSize(true);
        }
        try {
            byte[] frame = new byte[Math.toIntExact(Zstd.compressBound(length))];
            int size = context.compressByteArray(frame, 0, frame.length, data, offset, length);
            return Arrays.copyOf(frame, size);
        } finally {
            if (!COMPRESSORS.offer(context)) {
                context.close();
            }
        }
    }

    /**
     * The size {@code compressed} decompresses to, as its frame records it (without decompressing).
     *
     * @throws IllegalArgumentException when {@code compressed} is not a zstd frame that records its size
     */
    public static long decompressedSize(byte[] compressed) {
        long size = Zstd.getFrameContentSize(compressed);
        if (size < 0) {
            throw new IllegalArgumentException("stored payload is not a valid zstd frame that records its size");
        }
        return size;
    }

    /**
     * @throws IllegalArgumentException when {@code compressed} is not a complete zstd frame
     */
    public static byte[] decompress(byte[] compressed) {
        long size = decompressedSize(compressed);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stored payload decompresses to " + size + " bytes, too many for an array");
        }
        ZstdDecompressCtx context = DECOMPRESSORS.poll();
        if (context == null) {
            context = new ZstdDecompressCtx();
        }
        try {
            return context.decompress(compressed, (int) size);
        } catch (ZstdException e) {
            throw new IllegalArgumentException("stored payload is not a valid zstd frame: " + e.getMessage(), e);
        } finally {
            if (!DECOMPRESSORS.offer(context)) {
                context.close();
            }
        }
    }
}
